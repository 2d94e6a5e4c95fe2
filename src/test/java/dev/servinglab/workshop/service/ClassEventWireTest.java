package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.servinglab.quiz.service.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checks that class events cross to another instance as they were committed, within PostgreSQL's payload limit. */
class ClassEventWireTest {

    private final ClassEventWire wire = new ClassEventWire(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");

    @Test
    void everyKindOfEventComesBackAsItWasSent() throws Exception {
        List<ClassEvent> events = List.of(
                new ClassEvent.LearnerChanged(7, 3, "Zoë 🌱", AT, true),
                new ClassEvent.ProgressReported(7, 1, 3, "serving-basics", "visited"),
                new ClassEvent.AnswerReported(7, 2, 3, "quiz", "q1", new Answer(List.of(0, 2), null, null), true, AT),
                new ClassEvent.ExerciseReported(7, 3, 3, "exercise-1", false),
                new ClassEvent.TrainingReported(
                        7,
                        4,
                        3,
                        "run-1",
                        "iris",
                        Map.of("epochs", 20, "learning_rate", 0.05),
                        20,
                        "max-epochs",
                        0.31,
                        0.93),
                new ClassEvent.WorkshopChanged(7),
                new ClassEvent.WorkshopDeleted(7));

        List<String> payloads = wire.write("a", events);
        assertThat(payloads, hasSize(1));
        ClassEventWire.Payload payload = wire.read(payloads.getFirst());

        assertThat(payload.from(), equalTo("a"));
        assertThat(payload.reload(), is(false));
        assertThat(payload.events(), equalTo(events));
    }

    @Test
    void aLatencyRunKeepsItsBuckets() throws Exception {
        ClassEvent run = new ClassEvent.LatencyReported(7, 9, 3, 200, 1, 1.5, new long[] {0, 12, 150, 37}, AT);

        ClassEvent back =
                wire.read(wire.write("a", List.of(run)).getFirst()).events().getFirst();

        assertThat(
                back instanceof ClassEvent.LatencyReported latency ? latency.buckets() : null,
                equalTo(new long[] {0, 12, 150, 37}));
        assertThat(back.seq(), equalTo(9L));
    }

    @Test
    void aBatchOfAClassIsSplitIntoPayloadsPostgresAcceptsInCommitOrder() throws Exception {
        List<ClassEvent> events = IntStream.rangeClosed(1, 500)
                .mapToObj(seq -> (ClassEvent) new ClassEvent.AnswerReported(
                        7, seq, seq, "quiz-" + seq, "q", new Answer(List.of(1), null, null), seq % 2 == 0, AT))
                .toList();

        List<String> payloads = wire.write("a", events);

        assertThat(payloads.size(), greaterThan(1));
        assertThat(
                payloads.stream()
                        .map(p -> p.getBytes(StandardCharsets.UTF_8).length)
                        .toList(),
                everyItem(lessThanOrEqualTo(ClassEventWire.MAX_BYTES)));
        List<ClassEvent> back = new ArrayList<>();
        for (String payload : payloads) {
            back.addAll(wire.read(payload).events());
        }
        assertThat(back, equalTo(events));
    }

    @Test
    void anEventTooLargeForAPayloadAsksTheOthersToReadTheClassAgain() throws Exception {
        ClassEvent small = new ClassEvent.WorkshopChanged(7);
        ClassEvent huge = new ClassEvent.TrainingReported(
                7, 5, 3, "run-2", "iris", Map.of("notes", "x".repeat(9_000)), 1, "max-epochs", null, null);

        List<String> payloads = wire.write("a", List.of(huge, small));

        assertThat(payloads.stream().map(p -> read(p).reload()).toList(), contains(true, false));
        assertThat(read(payloads.get(1)).events(), contains(small));
    }

    private ClassEventWire.Payload read(String payload) {
        try {
            return wire.read(payload);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
