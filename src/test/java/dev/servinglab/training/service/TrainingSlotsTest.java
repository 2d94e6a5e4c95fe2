package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.model.service.Activation;
import dev.servinglab.training.TrainingConfig;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TrainingSlotsTest {

    private final TrainingSlots slots = new TrainingSlots(new Config(), new TrainingRuns(new Config()));

    @Test
    void aRunThatHasNotFinishedAnEpochYetIsExpectedAtItsPace() {
        TrainingRun run = run(10, 200);
        long now = run.createdAt().toEpochMilli();
        // 10 epochs at about 210 ms each: 2.1 s, rounded up.
        assertThat(slots.retryAfterSeconds(List.of(run), now), equalTo(3L));
    }

    @Test
    void aRunningRunIsExpectedToGoOnAtItsPaceSoFar() {
        TrainingRun run = run(10, 0);
        for (int epoch = 1; epoch <= 4; epoch++) {
            run.publish(new TrainingEpoch(epoch, 1, 0.5, 1, 0.5, epoch * 1000.0, null));
        }
        long now = run.createdAt().toEpochMilli();
        // 1 s per epoch so far, 6 epochs to go.
        assertThat(run.lastEpoch().orElseThrow().epoch(), equalTo(4));
        assertThat(slots.retryAfterSeconds(List.of(run), now), equalTo(6L));
        // The soonest of two runs frees the slot, and no run goes on past the time limit (30 s here).
        TrainingRun slow = run(1000, 0);
        slow.publish(new TrainingEpoch(1, 1, 0.5, 1, 0.5, 1000.0, null));
        assertThat(slots.retryAfterSeconds(List.of(slow, run), now), equalTo(6L));
        // Measured from the slow run's own start: it was created a moment after the first run.
        long tenSecondsIntoSlow = slow.createdAt().toEpochMilli() + 10_000;
        assertThat(slots.retryAfterSeconds(List.of(slow), tenSecondsIntoSlow), equalTo(20L));
    }

    private static TrainingRun run(int epochs, int paceMs) {
        return new TrainingRun(
                "r1",
                new TrainingOptions("iris", 8, Activation.TANH, 0.05, 0.5, 0, epochs, 8, 0.2, 0, 0, 42, paceMs),
                Runnable::run,
                Duration.ofSeconds(5),
                2,
                Object::toString);
    }

    /** A server that trains one run at a time for at most 30 s. */
    private static final class Config implements TrainingConfig {
        @Override
        public OptionalInt maxConcurrent() {
            return OptionalInt.of(1);
        }

        @Override
        public int maxEpochs() {
            return 2000;
        }

        @Override
        public Duration maxDuration() {
            return Duration.ofSeconds(30);
        }

        @Override
        public int maxPaceMs() {
            return 1000;
        }

        @Override
        public int pagePaceMs() {
            return 60;
        }

        @Override
        public int maxStoredRuns() {
            return 50;
        }

        @Override
        public int maxPromoted() {
            return 10;
        }

        @Override
        public int maxStoredModels() {
            return 100;
        }

        @Override
        public Duration disconnectGrace() {
            return Duration.ofSeconds(5);
        }

        @Override
        public int maxFollowers() {
            return 8;
        }
    }
}
