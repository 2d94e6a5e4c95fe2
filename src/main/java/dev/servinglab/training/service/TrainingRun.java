package dev.servinglab.training.service;

import dev.servinglab.model.service.ServedModel;
import dev.servinglab.web.problem.TooManyRequestsException;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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

    /**
     * Receives the events of a run, on the delivery thread, each with its JSON: written once, on the training
     * thread, however many clients follow, so that the event loop only sends it.
     */
    public interface Subscriber {
        /** Takes an epoch that has just finished. */
        void epoch(TrainingEpoch epoch, String json);

        /** Takes the summary; no event follows it. */
        void summary(TrainingSummary summary, String json);

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
    private final long graceNanos;
    private final int maxFollowers;
    private final Instant createdAt = Instant.now();
    private final Function<Object, String> json;
    private final List<Event<TrainingEpoch>> history = new CopyOnWriteArrayList<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicInteger following = new AtomicInteger();
    // Touched by the delivery thread only.
    private final List<Follower> followers = new ArrayList<>();
    private boolean everFollowed;
    private long unfollowedSince;
    private volatile Status status = Status.RUNNING;
    private volatile String cancelReason;
    private volatile Event<TrainingSummary> summary;
    private volatile ServedModel model;
    private volatile String promotedAs;
    private volatile Map<String, Double> example = Map.of();

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
        this.json = json;
        this.options = options;
        this.deliveries = deliveries;
        this.graceNanos = grace.toNanos();
        this.maxFollowers = maxFollowers;
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
        Event<TrainingSummary> result = summary;
        return result == null ? null : result.data();
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
        return history.stream().map(Event::data).toList();
    }

    /** Returns the number of epochs so far. */
    public int epochsRun() {
        return history.size();
    }

    /**
     * Sends the epochs after {@code afterEpoch} to a new subscriber, then the summary if the run has ended, or
     * else the events to come.
     *
     * @throws TooManyRequestsException if the run already has as many followers as it takes
     */
    public void subscribe(Subscriber subscriber, int afterEpoch) {
        if (following.incrementAndGet() > maxFollowers) {
            following.decrementAndGet();
            throw new TooManyRequestsException(
                    "Run " + id + " is already followed by " + maxFollowers
                            + " clients, the most it takes; try again when one has gone.",
                    5);
        }
        deliveries.execute(() -> {
            Follower follower = new Follower(subscriber, afterEpoch);
            // The summary is read before the history: once it is set, every epoch is in the history. Read after,
            // it could have been set while the replay went through an older copy of the history.
            Event<TrainingSummary> result = summary;
            for (Event<TrainingEpoch> epoch : history) {
                follower.epoch(epoch);
            }
            if (result != null || follower.gone()) {
                if (result != null) {
                    follower.summary(result);
                }
                following.decrementAndGet();
            } else {
                followers.add(follower);
                everFollowed = true;
                unfollowedSince = 0;
            }
        });
    }

    /**
     * Records an epoch and sends it to the subscribers. A run that was followed and has had nobody following
     * it for longer than the grace period is cancelled: nobody is watching it any more.
     */
    void publish(TrainingEpoch data) {
        Event<TrainingEpoch> epoch = new Event<>(data, json.apply(data));
        history.add(epoch);
        deliveries.execute(() -> {
            for (Follower follower : followers) {
                follower.epoch(epoch);
            }
            dropGone();
            if (everFollowed && followers.isEmpty() && summary == null) {
                long now = System.nanoTime();
                if (unfollowedSince == 0) {
                    unfollowedSince = now;
                } else if (now - unfollowedSince >= graceNanos) {
                    cancel("disconnected");
                }
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

    private void end(TrainingSummary data) {
        Event<TrainingSummary> result = new Event<>(data, json.apply(data));
        this.summary = result;
        deliveries.execute(() -> {
            for (Follower follower : followers) {
                follower.summary(result);
            }
            following.addAndGet(-followers.size());
            followers.clear();
        });
    }

    private void dropGone() {
        int before = followers.size();
        followers.removeIf(Follower::gone);
        following.addAndGet(followers.size() - before);
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
    boolean pause(long nanos) {
        try {
            return cancelled.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Pairs an event's data with its JSON. */
    private record Event<T>(T data, String json) {}

    /**
     * Wraps a subscriber for the delivery thread: remembers the last epoch sent to it (an epoch published while
     * its replay was being read can reach it twice, and is sent once), and takes a failed send, such as a
     * connection closed in between, as the client having gone, so that the others still get their events.
     */
    private static final class Follower {
        private final Subscriber subscriber;
        private int lastSent;
        private boolean failed;

        Follower(Subscriber subscriber, int afterEpoch) {
            this.subscriber = subscriber;
            this.lastSent = afterEpoch;
        }

        void epoch(Event<TrainingEpoch> epoch) {
            if (epoch.data().epoch() > lastSent && !gone()) {
                lastSent = epoch.data().epoch();
                try {
                    subscriber.epoch(epoch.data(), epoch.json());
                } catch (RuntimeException e) {
                    failed = true;
                }
            }
        }

        void summary(Event<TrainingSummary> result) {
            if (!gone()) {
                try {
                    subscriber.summary(result.data(), result.json());
                } catch (RuntimeException e) {
                    failed = true;
                }
            }
        }

        boolean gone() {
            return failed || subscriber.closed();
        }
    }
}
