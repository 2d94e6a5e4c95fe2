package dev.servinglab.training.service;

import dev.servinglab.web.problem.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Sends one run's events to the clients following it: every epoch as it ends, then the summary; a late client gets
 * the epochs so far first, and a client that resumes gets only those after the one it saw last.
 *
 * <p>The training thread never takes a lock that a request thread waits for: it runs below the request threads
 * (see {@link BackgroundPriority}) and could be preempted while holding one. It appends to a copy-on-write history
 * and hands every event to {@code deliveries}, one event-loop thread in the app, which alone keeps the followers and
 * sends to them. So every follower gets the events in order, each exactly once.
 */
final class RunBroadcast {

    private final String runId;
    private final Executor deliveries;
    private final long graceNanos;
    private final int maxFollowers;
    private final Function<Object, String> json;
    private final Runnable abandoned;
    private final List<Event<TrainingEpoch>> history = new CopyOnWriteArrayList<>();
    /**
     * The subscribers counted against {@code maxFollowers}, from their admission until the delivery thread lets
     * them go. Concurrent, so that a subscribing request can leave out those whose clients have gone.
     */
    private final Set<RunSubscriber> following = ConcurrentHashMap.newKeySet();
    /** Taken by subscribing requests only, so that two of them cannot both take the last place. */
    private final Object admission = new Object();
    // Touched by the delivery thread only.
    private final List<Follower> followers = new ArrayList<>();
    private boolean everFollowed;
    private long unfollowedSince;
    private volatile Event<TrainingSummary> summary;

    /**
     * Creates the broadcast of a run.
     *
     * @param deliveries   runs the deliveries to followers one after another, in the order given
     * @param grace        how long a run that was followed may go on with nobody following it (a reload, a dropped
     *                     connection) before it counts as abandoned
     * @param maxFollowers the most clients following the run at once
     * @param json         writes an event's data as JSON
     * @param abandoned    called, on the delivery thread, when nobody has followed the run for the grace period
     */
    RunBroadcast(
            String runId,
            Executor deliveries,
            Duration grace,
            int maxFollowers,
            Function<Object, String> json,
            Runnable abandoned) {
        this.runId = runId;
        this.deliveries = deliveries;
        this.graceNanos = grace.toNanos();
        this.maxFollowers = maxFollowers;
        this.json = json;
        this.abandoned = abandoned;
    }

    /** Returns every epoch so far. */
    List<TrainingEpoch> history() {
        return history.stream().map(Event::data).toList();
    }

    /** Returns the number of epochs so far. */
    int epochCount() {
        return history.size();
    }

    /** Returns the latest epoch, if there is one yet. */
    Optional<TrainingEpoch> lastEpoch() {
        // The history only grows: once it is not empty, it has a last element.
        return history.isEmpty()
                ? Optional.empty()
                : Optional.of(history.getLast().data());
    }

    /**
     * Sends the epochs after {@code afterEpoch} to a new subscriber, then the summary if the run has ended, or
     * else the events to come.
     *
     * @throws TooManyRequestsException if the run already has as many followers as it takes
     */
    void subscribe(RunSubscriber subscriber, int afterEpoch) {
        synchronized (admission) {
            // A page reloaded again and again leaves a closed stream each time, and the delivery thread lets those
            // go only at the next epoch: they must not keep the page out until then.
            following.removeIf(RunSubscriber::closed);
            if (following.size() >= maxFollowers) {
                throw new TooManyRequestsException(
                        "Run " + runId + " is already followed by " + maxFollowers
                                + " clients, the most it takes; try again when one has gone.",
                        5);
            }
            following.add(subscriber);
        }
        subscriber.open();
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
                following.remove(subscriber);
            } else {
                followers.add(follower);
                everFollowed = true;
                unfollowedSince = 0;
            }
        });
    }

    /**
     * Records an epoch and sends it to the followers. A run that was followed and has had nobody following it for
     * longer than the grace period is abandoned: nobody is watching it any more.
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
                    abandoned.run();
                }
            }
        });
    }

    /** Writes the summary's JSON, once, for {@link #end}. */
    Event<TrainingSummary> event(TrainingSummary data) {
        return new Event<>(data, json.apply(data));
    }

    /** Sends the summary to the followers, and to every later one after the epochs; nothing follows it. */
    void end(Event<TrainingSummary> result) {
        this.summary = result;
        deliveries.execute(() -> {
            for (Follower follower : followers) {
                follower.summary(result);
            }
            followers.forEach(follower -> following.remove(follower.subscriber));
            followers.clear();
        });
    }

    private void dropGone() {
        followers.removeIf(follower -> {
            boolean gone = follower.gone();
            if (gone) {
                following.remove(follower.subscriber);
            }
            return gone;
        });
    }

    /** Pairs an event's data with its JSON. */
    record Event<T>(T data, String json) {}

    /**
     * Wraps a subscriber for the delivery thread: remembers the last epoch sent to it (an epoch published while
     * its replay was being read can reach it twice, and is sent once), and takes a failed send, such as a
     * connection closed in between, as the client having gone, so that the others still get their events.
     */
    private static final class Follower {
        private final RunSubscriber subscriber;
        private int lastSent;
        private boolean failed;

        Follower(RunSubscriber subscriber, int afterEpoch) {
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
