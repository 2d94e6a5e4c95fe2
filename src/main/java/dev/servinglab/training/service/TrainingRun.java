package dev.servinglab.training.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import dev.servinglab.model.service.ServedModel;

/**
 * Holds one training run while it runs and after: its options, every epoch so far, its summary once it has
 * ended, and the clients following its event stream.
 *
 * <p>The training thread never takes a lock that a request thread waits for: it runs below the request threads
 * (see {@link BackgroundPriority}) and could be preempted while holding one. It appends to a copy-on-write
 * history and hands every event to {@code deliveries}, one event-loop thread in the app, which alone keeps the
 * subscribers and sends to them. So every subscriber gets the events in order, each exactly once.
 */
public final class TrainingRun {

    /** Receives the events of a run, on the delivery thread. */
    public interface Subscriber {
        /** Takes an epoch that has just finished. */
        void epoch(TrainingEpoch epoch);

        /** Takes the summary; no event follows it. */
        void summary(TrainingSummary summary);

        /** Tells whether the client has gone away. */
        boolean closed();
    }

    /** What became of a run. */
    public enum Status {
        /** Training. */
        RUNNING,
        /** Ended by itself: all epochs, an early stop or the time limit. */
        COMPLETED,
        /** Stopped by a client, or because its client disconnected. */
        CANCELLED,
        /** Stopped by an error. */
        FAILED;

        /** Returns the status as the API writes it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final TrainingOptions options;
    private final Executor deliveries;
    private final Instant createdAt = Instant.now();
    private final List<TrainingEpoch> history = new CopyOnWriteArrayList<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    // Touched by the delivery thread only.
    private final List<Follower> followers = new ArrayList<>();
    private boolean everFollowed;
    private volatile Status status = Status.RUNNING;
    private volatile String cancelReason;
    private volatile TrainingSummary summary;
    private volatile ServedModel model;
    private volatile String promotedAs;
    private volatile Map<String, Double> example = Map.of();

    /**
     * Creates a run.
     *
     * @param deliveries runs the deliveries to subscribers one after another, in the order given
     */
    TrainingRun(String id, TrainingOptions options, Executor deliveries) {
        this.id = id;
        this.options = options;
        this.deliveries = deliveries;
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
        return status;
    }

    /** Returns the summary, or null while the run goes on. */
    public TrainingSummary summary() {
        return summary;
    }

    /** Returns the trained model, ready to serve, once the run has completed; null before or otherwise. */
    ServedModel model() {
        return model;
    }

    /** Returns the name the run is served under, or null if it has not been promoted. */
    public String promotedAs() {
        return promotedAs;
    }

    void promotedAs(String name) {
        this.promotedAs = name;
    }

    /** Returns a row of the run's test split, as a prediction request names its features. */
    public Map<String, Double> example() {
        return example;
    }

    /** Returns every epoch so far. */
    public List<TrainingEpoch> history() {
        return List.copyOf(history);
    }

    /** Returns the number of epochs so far. */
    public int epochsRun() {
        return history.size();
    }

    /**
     * Sends the epochs after {@code afterEpoch} to a new subscriber, then the summary if the run has ended, or
     * else the events to come.
     */
    public void subscribe(Subscriber subscriber, int afterEpoch) {
        deliveries.execute(() -> {
            Follower follower = new Follower(subscriber, afterEpoch);
            for (TrainingEpoch epoch : history) {
                follower.epoch(epoch);
            }
            TrainingSummary result = summary;
            if (result != null) {
                subscriber.summary(result);
            } else {
                followers.add(follower);
                everFollowed = true;
            }
        });
    }

    /**
     * Records an epoch and sends it to the subscribers. When every client that followed the run has gone, the
     * run is cancelled: nobody is watching it any more.
     */
    void publish(TrainingEpoch epoch) {
        history.add(epoch);
        deliveries.execute(() -> {
            followers.removeIf(follower -> follower.subscriber.closed());
            for (Follower follower : followers) {
                follower.epoch(epoch);
            }
            followers.removeIf(follower -> follower.subscriber.closed());
            if (everFollowed && followers.isEmpty() && summary == null) {
                cancel("disconnected");
            }
        });
    }

    /** Ends the run: keeps the summary and the model, and sends the summary to the subscribers. */
    void finish(TrainingSummary result, ServedModel trained, Map<String, Double> testRow) {
        this.model = trained;
        this.example = Collections.unmodifiableMap(new LinkedHashMap<>(testRow));
        this.status = "cancelled".equals(result.status()) ? Status.CANCELLED : Status.COMPLETED;
        end(result);
    }

    /** Ends the run with an error, told to the subscribers as a summary. */
    void fail(TrainingSummary result) {
        this.status = Status.FAILED;
        end(result);
    }

    private void end(TrainingSummary result) {
        this.summary = result;
        deliveries.execute(() -> {
            for (Follower follower : followers) {
                follower.subscriber.summary(result);
            }
            followers.clear();
        });
    }

    /**
     * Asks the run to stop after the epoch in progress.
     *
     * @param reason {@code cancelled} (asked for) or {@code disconnected} (its client went away)
     */
    public void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
        cancelled.countDown();
    }

    /** Returns why the run was cancelled, or null if it was not. */
    String cancelReason() {
        return cancelReason;
    }

    /**
     * Waits up to the given time, or less if the run is cancelled meanwhile.
     *
     * @return true if the run has been cancelled
     */
    boolean pause(long millis) {
        try {
            return cancelled.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Remembers the last epoch sent to a subscriber: an epoch published while its replay was being read can
     * reach it twice, and is sent once.
     */
    private static final class Follower {
        private final Subscriber subscriber;
        private int lastSent;

        Follower(Subscriber subscriber, int afterEpoch) {
            this.subscriber = subscriber;
            this.lastSent = afterEpoch;
        }

        void epoch(TrainingEpoch epoch) {
            if (epoch.epoch() > lastSent) {
                lastSent = epoch.epoch();
                subscriber.epoch(epoch);
            }
        }
    }
}
