package dev.servinglab.workshop.service;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes committed class events as the payloads of PostgreSQL notifications, and reads them back: how one instance
 * tells the others what its class reported. A payload names the instance it comes from, so that an instance skips
 * its own, and holds as many events as fit in PostgreSQL's 8,000 bytes.
 */
final class ClassEventWire {

    /** Bytes a payload holds at most, below PostgreSQL's limit of 8,000 with room for the envelope. */
    static final int MAX_BYTES = 7_500;

    /**
     * One notification's payload.
     *
     * @param from   the instance that committed the events
     * @param events the events, in commit order; empty with {@code reload}
     * @param reload true when an event was too large for a payload: the receivers read their classes again from the
     *               database
     */
    record Payload(String from, List<ClassEvent> events, boolean reload) {}

    /** Names each kind of event on the wire, so that the receiver makes the same record. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ClassEvent.LearnerChanged.class, name = "learner"),
        @JsonSubTypes.Type(value = ClassEvent.ProgressReported.class, name = "progress"),
        @JsonSubTypes.Type(value = ClassEvent.AnswerReported.class, name = "answer"),
        @JsonSubTypes.Type(value = ClassEvent.ExerciseReported.class, name = "exercise"),
        @JsonSubTypes.Type(value = ClassEvent.TrainingReported.class, name = "training"),
        @JsonSubTypes.Type(value = ClassEvent.LatencyReported.class, name = "latency"),
        @JsonSubTypes.Type(value = ClassEvent.WorkshopChanged.class, name = "workshop"),
        @JsonSubTypes.Type(value = ClassEvent.WorkshopDeleted.class, name = "deleted")
    })
    private interface Kinds {}

    private final ObjectMapper json;

    ClassEventWire(ObjectMapper json) {
        // A copy: the kind names belong to the wire only, not to every JSON the app writes.
        this.json = json.copy().addMixIn(ClassEvent.class, Kinds.class);
    }

    /** Writes events as payloads, in order, each within {@link #MAX_BYTES}. */
    List<String> write(String from, List<ClassEvent> events) {
        // Each event written once, the payloads put together around them: a batch holds hundreds of events.
        String head = "{\"from\":" + text(from) + ",\"reload\":false,\"events\":[";
        String tail = "]}";
        int room = MAX_BYTES - bytes(head) - bytes(tail);
        List<String> payloads = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int used = 0;
        for (ClassEvent event : events) {
            String written = text(event);
            int size = bytes(written) + 1;
            if (size > room) {
                payloads.add(text(new Payload(from, List.of(), true)));
                continue;
            }
            if (used + size > room) {
                payloads.add(head + chunk + tail);
                chunk.setLength(0);
                used = 0;
            }
            chunk.append(used == 0 ? "" : ",").append(written);
            used += size;
        }
        if (used > 0) {
            payloads.add(head + chunk + tail);
        }
        return payloads;
    }

    /** Reads a payload. */
    Payload read(String payload) throws JsonProcessingException {
        return json.readValue(payload, Payload.class);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private String text(Object value) {
        try {
            return value instanceof ClassEvent event
                    ? json.writerFor(ClassEvent.class).writeValueAsString(event)
                    : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("class events are records of plain values", e);
        }
    }
}
