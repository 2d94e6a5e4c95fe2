package dev.servinglab.training.service;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.StopCause;
import dev.servinglab.web.problem.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds one training run while it runs and after: its options, every epoch so far, its summary once it has ended,
 * and (through its {@link RunBroadcast}) the clients following its event stream.
 *
 * <p>What a run ended with, its summary (and so its status) and model, is written at once in one volatile field: a
 * client never sees a run that has ended without its summary, nor a summary whose model is not there yet.
 */
public final class TrainingRun {

    /** What became of a run; serialised in lower case. */
    @Schema(name = "TrainingStatus", description = "What became of a training run")
    public enum Status {
        /** Training. */
        RUNNING,
        /** Ended by itself: all epochs, an early stop, the time limit, or a loss that diverged. */
        COMPLETED,
        /** Stopped by a client, or because its client disconnected. */
        CANCELLED,
        /** Stopped by an error. */
        FAILED;

        /** Returns the status as the API writes it. */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns what became of a run that stopped this way: stopped from outside, by an error, or by itself. */
        static Status after(StopCause stop) {
            if (stop.interrupted()) {
                return CANCELLED;
            }
            return stop == StopCause.ERROR ? FAILED : COMPLETED;
        }
    }

    /** Says why a run was asked to stop: from outside, and whether because the server is stopping. */
    private record Cancellation(StopCause cause, boolean serverStopping) {}

    /** Holds what a run ended with, written at once. */
    private record Ending(TrainingSummary summary, ServedModel model, Map<String, Double> example) {}

    private final String id;
    private final TrainingOptions options;
    private final Instant createdAt = Instant.now();
    private final RunBroadcast broadcast;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicReference<Cancellation> cancellation = new AtomicReference<>();
    private volatile Ending ending;
    private volatile String promotedAs;

    /**
     * Creates a run.
     *
     * @param deliveries   runs the deliveries to subscribers one after another, in the order given
     * @param grace        how long a run that was followed may go on with nobody following it (a reload, a
     *                     dropped connection) before it is cancelled
     * @param maxFollowers the most clients following the run at once
     * @param json         writes an event's data as JSON
     */
    TrainingRun(
            String id,
            TrainingOptions options,
            Executor deliveries,
            Duration grace,
            int maxFollowers,
            Function<Object, String> json) {
        this.id = id;
        this.options = options;
        this.broadcast =
                new RunBroadcast(id, deliveries, grace, maxFollowers, json, () -> cancel(StopCause.DISCONNECTED));
    }

    /** Returns the run's id. */
    public String id() {
        return id;
    }

    /** Returns what the run was asked for. */
    public TrainingOptions options() {
        return options;
    }

    /** Returns when the run was started. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Returns what became of the run. */
    public Status status() {
        Ending ended = ending;
        return ended == null ? Status.RUNNING : ended.summary().status();
    }

    /** Returns the summary, or null while the run goes on. */
    public TrainingSummary summary() {
        Ending ended = ending;
        return ended == null ? null : ended.summary();
    }

    /** Returns the trained model, ready to serve, once the run has ended with one worth serving; else null. */
    ServedModel model() {
        Ending ended = ending;
        return ended == null ? null : ended.model();
    }

    /** Returns a row of the run's test split, as a prediction request names its features; empty while it runs. */
    public Map<String, Double> example() {
        Ending ended = ending;
        return ended == null ? Map.of() : ended.example();
    }

    /** Returns the name the run is served under, or null if it has not been promoted. */
    public String promotedAs() {
        return promotedAs;
    }

    void promotedAs(String name) {
        this.promotedAs = name;
    }

    /** Returns every epoch so far. */
    public List<TrainingEpoch> history() {
        return broadcast.history();
    }

    /** Returns the number of epochs so far. */
    public int epochsRun() {
        return broadcast.epochCount();
    }

    /** Returns the latest epoch, or empty before the first one has ended. */
    public Optional<TrainingEpoch> lastEpoch() {
        return broadcast.lastEpoch();
    }

    /**
     * Sends the epochs after {@code afterEpoch} to a new subscriber, then the summary if the run has ended, or
     * else the events to come.
     *
     * @throws TooManyRequestsException if the run already has as many followers as it takes
     */
    public void subscribe(RunSubscriber subscriber, int afterEpoch) {
        broadcast.subscribe(subscriber, afterEpoch);
    }

    /**
     * Records an epoch and sends it to the subscribers. A run that was followed and has had nobody following it
     * for longer than the grace period is cancelled: nobody is watching it any more.
     */
    void publish(TrainingEpoch epoch) {
        broadcast.publish(epoch);
    }

    /**
     * Ends the run as its summary says: keeps the summary, the model (null when not worth serving) and a test row,
     * then sends the summary to the subscribers.
     */
    void finish(TrainingSummary result, ServedModel trained, Map<String, Double> testRow) {
        RunBroadcast.Event<TrainingSummary> event = broadcast.event(result);
        this.ending = new Ending(result, trained, Collections.unmodifiableMap(new LinkedHashMap<>(testRow)));
        broadcast.end(event);
        ended.countDown();
    }

    /** Ends the run with an error, told to the subscribers as a summary. */
    void fail(TrainingSummary result) {
        finish(result, null, Map.of());
    }

    /**
     * Asks the run to stop after the epoch in progress; the first cause asked for is the one it stops with.
     *
     * @param cause {@link StopCause#CANCELLED} (asked for) or {@link StopCause#DISCONNECTED} (its client went away)
     */
    public void cancel(StopCause cause) {
        cancellation.compareAndSet(null, new Cancellation(cause, false));
        cancelled.countDown();
    }

    /** Stops the run after the epoch in progress because the server is stopping; its summary says so. */
    void stopForShutdown() {
        cancellation.compareAndSet(null, new Cancellation(StopCause.CANCELLED, true));
        cancelled.countDown();
    }

    /** Tells whether the run was asked to stop, first, because the server is stopping. */
    boolean stoppedByServer() {
        Cancellation asked = cancellation.get();
        return asked != null && asked.serverStopping();
    }

    /**
     * Waits up to the given time for the run to end (its summary handed to its followers).
     *
     * @return true if it has ended
     */
    boolean awaitEnd(long nanos) throws InterruptedException {
        return ended.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Returns why the run was cancelled, or null if it was not. */
    StopCause cancelCause() {
        Cancellation asked = cancellation.get();
        return asked == null ? null : asked.cause();
    }

    /**
     * Waits up to the given time, or less if the run is cancelled meanwhile.
     *
     * @return true if the run has been cancelled
     */
    boolean pause(long nanos) {
        try {
            return cancelled.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
