package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.model.service.Activation;
import dev.servinglab.model.service.StopCause;
import dev.servinglab.web.problem.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    /** Runs the deliveries when the test says so, to put them in any order against the training thread. */
    private final Queue<Runnable> pending = new ArrayDeque<>();

    private final Executor later = pending::add;
    private final TrainingRun run = run(Duration.ZERO);

    private TrainingRun run(Duration grace) {
        return new TrainingRun(
                "r1",
                new TrainingOptions("iris", 8, Activation.TANH, 0.05, 0.5, 0, 10, 8, 0.2, 0, 0, 42, 0),
                later,
                grace,
                2,
                Object::toString);
    }

    @Test
    void aLateSubscriberGetsEveryEpochOnceInOrderThenTheSummary() {
        Recorder early = new Recorder();
        run.subscribe(early, 0);
        deliver();
        run.publish(epoch(1));
        run.publish(epoch(2));
        Recorder late = new Recorder();
        run.subscribe(late, 0);
        // Recorded before the replay runs: the replay sends it, and its own delivery finds it already sent.
        run.publish(epoch(3));
        deliver();
        run.finish(summary(), null, Map.of());
        deliver();
        assertThat(early.events, equalTo(List.of("1", "2", "3", "summary")));
        assertThat(late.events, equalTo(List.of("1", "2", "3", "summary")));

        Recorder resumed = new Recorder();
        run.subscribe(resumed, 2);
        deliver();
        assertThat(resumed.events, equalTo(List.of("3", "summary")));
        assertThat(run.history().size(), equalTo(3));
    }

    @Test
    void aSubscriberIsOpenedOnTheSubscribingThreadBeforeItsReplayIsHandedOn() {
        run.publish(epoch(1));
        deliver();
        Recorder follower = new Recorder();
        run.subscribe(follower, 0);
        // The replay waits for the delivery thread; the stream's head is out already.
        assertThat(follower.opened, equalTo(true));
        assertThat(follower.events, equalTo(List.of()));
        deliver();
        assertThat(follower.events, equalTo(List.of("1")));
    }

    @Test
    void aSubscriberWhoseReplayRacesTheEndOfTheRunStillGetsEveryEpochBeforeTheSummary() {
        run.publish(epoch(1));
        deliver();
        // The replay reads the history as it was (epoch 1); epoch 2 and the summary come while it runs.
        Recorder racing = new Recorder();
        racing.onEpoch = () -> {
            if (run.summary() == null) {
                run.publish(epoch(2));
                run.finish(summary(), null, Map.of());
            }
        };
        run.subscribe(racing, 0);
        deliver();
        assertThat(racing.events, equalTo(List.of("1", "2", "summary")));
    }

    @Test
    void whenTheLastFollowerHasGoneTheRunIsCancelled() {
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        run.subscribe(one, 0);
        run.subscribe(two, 0);
        run.publish(epoch(1));
        deliver();
        one.closed = true;
        run.publish(epoch(2));
        deliver();
        assertThat(run.cancelCause(), nullValue());
        two.closed = true;
        run.publish(epoch(3)); // nobody follows from here; the grace period (zero here) starts
        deliver();
        run.publish(epoch(4));
        deliver();
        assertThat(run.cancelCause(), equalTo(StopCause.DISCONNECTED));
        assertThat(run.pause(10_000), equalTo(true)); // the training thread wakes at once
    }

    @Test
    void aFollowerWhoComesBackWithinTheGracePeriodKeepsTheRunGoing() {
        TrainingRun patient = run(Duration.ofHours(1));
        Recorder reload = new Recorder();
        patient.subscribe(reload, 0);
        patient.publish(epoch(1));
        deliver();
        reload.closed = true;
        for (int n = 2; n < 6; n++) {
            patient.publish(epoch(n));
            deliver();
        }
        assertThat(patient.cancelCause(), nullValue());
        Recorder again = new Recorder();
        patient.subscribe(again, 1);
        deliver();
        assertThat(again.events, equalTo(List.of("2", "3", "4", "5")));
    }

    @Test
    void aRunTakesABoundedNumberOfFollowersAndAFailedSendDropsOnlyThatOne() {
        Recorder broken = new Recorder();
        broken.failing = true;
        Recorder fine = new Recorder();
        run.subscribe(broken, 0);
        run.subscribe(fine, 0);
        Recorder refused = new Recorder();
        assertThrows(TooManyRequestsException.class, () -> run.subscribe(refused, 0));
        // Not opened: its request can still be answered 429.
        assertThat(refused.opened, equalTo(false));
        deliver();
        run.publish(epoch(1));
        deliver();
        assertThat(fine.events, equalTo(List.of("1")));
        run.subscribe(new Recorder(), 0); // the broken one has been dropped: there is room again
        deliver();
    }

    @Test
    void aClientThatHasGoneMakesRoomAtOnceNotAtTheNextEpoch() {
        Recorder reloaded = new Recorder();
        Recorder other = new Recorder();
        run.subscribe(reloaded, 0);
        run.subscribe(other, 0);
        deliver();
        // The page is reloaded between two epochs: its old stream has closed, and nothing was published since.
        reloaded.closed = true;
        Recorder again = new Recorder();
        run.subscribe(again, 0);
        assertThat(again.opened, equalTo(true));
        // The room was the closed stream's only: the two open ones still fill the run.
        Recorder third = new Recorder();
        assertThrows(TooManyRequestsException.class, () -> run.subscribe(third, 0));
        deliver();
        run.publish(epoch(1));
        deliver();
        assertThat(again.events, equalTo(List.of("1")));
        assertThat(other.events, equalTo(List.of("1")));
        assertThat(reloaded.events, equalTo(List.of()));
    }

    @Test
    void aRunTellsItsLatestEpochAndHowManyItHasRun() {
        assertThat(run.lastEpoch().isPresent(), equalTo(false));
        assertThat(run.epochsRun(), equalTo(0));
        run.publish(epoch(1));
        run.publish(epoch(2));
        assertThat(run.lastEpoch().orElseThrow(), equalTo(epoch(2)));
        assertThat(run.epochsRun(), equalTo(2));
    }

    @Test
    void aRunNobodyFollowsGoesOn() {
        run.publish(epoch(1));
        run.publish(epoch(2));
        deliver();
        assertThat(run.cancelCause(), nullValue());
        assertThat(run.pause(1), equalTo(false));
    }

    @Test
    void aRunReadsAsEndedOnlyWithItsSummary() {
        assertThat(run.status(), equalTo(TrainingRun.Status.RUNNING));
        assertThat(run.summary(), nullValue());
        Recorder follower = new Recorder();
        follower.onSummary = () -> {
            // What a client that has the summary sees when it asks for the run: ended, with the same summary.
            assertThat(run.status(), equalTo(TrainingRun.Status.CANCELLED));
            assertThat(run.summary().stop(), equalTo(StopCause.CANCELLED));
        };
        run.subscribe(follower, 0);
        deliver();
        run.finish(cancelledSummary(), null, Map.of());
        assertThat(run.status(), equalTo(TrainingRun.Status.CANCELLED));
        assertThat(run.summary().stop(), equalTo(StopCause.CANCELLED));
        deliver();
        assertThat(follower.events, equalTo(List.of("summary")));
    }

    @Test
    void aRunsStatusFollowsFromWhyItStopped() {
        assertThat(TrainingRun.Status.after(StopCause.EPOCHS), equalTo(TrainingRun.Status.COMPLETED));
        assertThat(TrainingRun.Status.after(StopCause.EARLY_STOP), equalTo(TrainingRun.Status.COMPLETED));
        assertThat(TrainingRun.Status.after(StopCause.TIME_LIMIT), equalTo(TrainingRun.Status.COMPLETED));
        assertThat(TrainingRun.Status.after(StopCause.DIVERGED), equalTo(TrainingRun.Status.COMPLETED));
        assertThat(TrainingRun.Status.after(StopCause.CANCELLED), equalTo(TrainingRun.Status.CANCELLED));
        assertThat(TrainingRun.Status.after(StopCause.DISCONNECTED), equalTo(TrainingRun.Status.CANCELLED));
        assertThat(TrainingRun.Status.after(StopCause.ERROR), equalTo(TrainingRun.Status.FAILED));
    }

    @Test
    void theFirstCancelIsTheOneARunStopsWith() {
        run.cancel(StopCause.DISCONNECTED);
        run.cancel(StopCause.CANCELLED);
        assertThat(run.cancelCause(), equalTo(StopCause.DISCONNECTED));
    }

    @Test
    void aRunStoppedForTheShutdownSaysSoUnlessAClientHadCancelledItFirst() {
        run.stopForShutdown();
        run.cancel(StopCause.DISCONNECTED);
        assertThat(run.cancelCause(), equalTo(StopCause.CANCELLED));
        assertThat(run.stoppedByServer(), equalTo(true));

        TrainingRun cancelledFirst = run(Duration.ZERO);
        cancelledFirst.cancel(StopCause.CANCELLED);
        cancelledFirst.stopForShutdown();
        assertThat(cancelledFirst.stoppedByServer(), equalTo(false));
    }

    @Test
    void theShutdownCanWaitForARunToEnd() throws InterruptedException {
        assertThat("not ended yet", run.awaitEnd(0), equalTo(false));
        run.finish(cancelledSummary(), null, Map.of());
        assertThat(run.awaitEnd(0), equalTo(true));
    }

    private void deliver() {
        while (!pending.isEmpty()) {
            pending.remove().run();
        }
    }

    private static TrainingEpoch epoch(int n) {
        return new TrainingEpoch(n, 1.0 / n, 0.5, 1.0 / n, 0.5, n, null);
    }

    private static TrainingSummary summary() {
        return new TrainingSummary("r1", StopCause.EPOCHS, "completed all 3 epochs", 3, 3, 3, null, 3, null, List.of());
    }

    private static TrainingSummary cancelledSummary() {
        return new TrainingSummary(
                "r1",
                StopCause.CANCELLED,
                "stopped after epoch 0: cancelled by a client",
                0,
                0,
                0,
                null,
                3,
                null,
                List.of());
    }

    /** Records what a client would receive. */
    private static final class Recorder implements RunSubscriber {
        private final List<String> events = new ArrayList<>();
        private boolean opened;
        private boolean closed;
        private boolean failing;
        private Runnable onEpoch = () -> {};
        private Runnable onSummary = () -> {};

        @Override
        public void open() {
            assertThat("opened twice", opened, equalTo(false));
            opened = true;
        }

        @Override
        public void epoch(TrainingEpoch epoch, String json) {
            assertThat("an epoch before the stream was opened", opened, equalTo(true));
            if (failing) {
                throw new IllegalStateException("Already closed");
            }
            events.add(Integer.toString(epoch.epoch()));
            onEpoch.run();
        }

        @Override
        public void summary(TrainingSummary summary, String json) {
            assertThat("the summary before the stream was opened", opened, equalTo(true));
            events.add("summary");
            onSummary.run();
        }

        @Override
        public boolean closed() {
            return closed;
        }
    }
}
