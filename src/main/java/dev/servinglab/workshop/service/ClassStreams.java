package dev.servinglab.workshop.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.workshop.WorkshopConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps each watched workshop's tally up to date as reports commit, and streams it: the whole dashboard to the
 * instructor's streams, the workshop's state (releases, the section to follow, the close) to the learners'.
 * Reports are gathered for one interval and sent at once, so a class of 300 answering together costs a dashboard
 * a few updates a second, not one per answer. Nothing here runs on the predict path.
 */
@ApplicationScoped
public class ClassStreams {

    private static final Logger LOG = Logger.getLogger(ClassStreams.class);
    /** The load timeline moves with the clock: dashboards get it anew this often even when nothing was reported. */
    private static final long CLOCK_TICKS = 20;
    /**
     * How long a report may be missing while later ones are in before the tally is read again from the database: one
     * another instance committed and whose event never came.
     */
    private static final Duration MISSING_LIMIT = Duration.ofSeconds(5);
    /** The name of the last event of every stream when the server stops. */
    private static final String SHUTDOWN = "shutdown";

    private static final StreamEvent SHUTDOWN_EVENT =
            StreamEvent.of(SHUTDOWN, "{\"detail\":\"The server is stopping; this page reconnects when it is back.\"}");

    private final WorkshopService workshops;
    private final WorkshopDirectory directory;
    private final ClassHistory history;
    private final ObjectMapper json;
    private final Map<Long, ClassTally> tallies = new ConcurrentHashMap<>();
    private final Map<Long, Set<StreamSubscriber>> dashboards = new ConcurrentHashMap<>();
    private final Map<Long, Set<StreamSubscriber>> learners = new ConcurrentHashMap<>();
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private volatile boolean stopping;
    private long ticks;

    ClassStreams(
            WorkshopService workshops,
            WorkshopDirectory directory,
            ClassHistory history,
            ObjectMapper json,
            WorkshopConfig config) {
        this.workshops = workshops;
        this.directory = directory;
        this.history = history;
        this.json = json;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("workshop-streams").daemon().factory());
        long interval = config.dashboardInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tickSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Takes an event once its transaction has committed. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClassEvent event) {
        long id = event.workshopId();
        if (event instanceof ClassEvent.WorkshopDeleted) {
            tallies.remove(id);
            closeAll(dashboards.remove(id), "deleted");
            closeAll(learners.remove(id), "deleted");
            return;
        }
        ClassTally tally = tallies.get(id);
        if (tally != null) {
            tally.live(event);
        }
        reported.add(id);
        if (event instanceof ClassEvent.WorkshopChanged) {
            changed.add(id);
        }
    }

    /** Returns the dashboard of a workshop now. */
    public DashboardView dashboard(long workshopId) {
        WorkshopView workshop = directory.workshop(workshopId).orElseThrow();
        return tally(workshopId).view(workshop, workshops.quizzes(workshop), Instant.now());
    }

    /** Streams a workshop's dashboard to an instructor: at once, then whenever the class reports. */
    public void watchDashboard(long workshopId, StreamSubscriber subscriber) {
        subscriber.open();
        if (stopping) {
            close(subscriber, SHUTDOWN);
            return;
        }
        tally(workshopId);
        dashboards
                .computeIfAbsent(workshopId, id -> new CopyOnWriteArraySet<>())
                .add(subscriber);
        reported.add(workshopId);
        endIfStopping(dashboards, workshopId, subscriber);
    }

    /** Streams a workshop's state to a learner: at once, then whenever the instructor changes it. */
    public void watchAsLearner(long workshopId, StreamSubscriber subscriber) {
        subscriber.open();
        if (stopping) {
            close(subscriber, SHUTDOWN);
            return;
        }
        learners.computeIfAbsent(workshopId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        directory.workshop(workshopId).ifPresent(view -> send(subscriber, event("workshop", view)));
        endIfStopping(learners, workshopId, subscriber);
    }

    /** Ends a stream added while the server began to stop, after the others were ended: it would be waited for. */
    private void endIfStopping(Map<Long, Set<StreamSubscriber>> streams, long workshopId, StreamSubscriber subscriber) {
        if (stopping && streams.getOrDefault(workshopId, Set.of()).remove(subscriber)) {
            close(subscriber, SHUTDOWN);
        }
    }

    private ClassTally tally(long workshopId) {
        // In the map before the history is read, so that no report committed meanwhile is missed.
        ClassTally fresh = new ClassTally();
        ClassTally existing = tallies.putIfAbsent(workshopId, fresh);
        if (existing != null) {
            return existing;
        }
        try {
            fresh.loaded(history.events(workshopId));
        } catch (RuntimeException e) {
            tallies.remove(workshopId, fresh);
            fresh.loaded(java.util.List.of()); // frees whoever waits on it; the next caller reads the history again
            throw e;
        }
        return fresh;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("Could not bring the workshop streams up to date", e);
        }
    }

    /** Reads every class again from the database: another instance's reports may have been missed. */
    void lost(@Observes RemoteEventsLost event) {
        tallies.clear();
        reported.addAll(dashboards.keySet());
        changed.addAll(learners.keySet());
    }

    private void tick() {
        if (++ticks % CLOCK_TICKS == 0) {
            reported.addAll(dashboards.keySet());
        }
        tallies.forEach((id, tally) -> {
            if (tally.missingLongerThan(MISSING_LIMIT) && tallies.remove(id, tally)) {
                LOG.warnf("Workshop %d: a report another instance committed never came; reading the class again", id);
                reported.add(id);
            }
        });
        for (Long id : Set.copyOf(changed)) {
            changed.remove(id);
            Set<StreamSubscriber> watching = learners.getOrDefault(id, Set.of());
            if (!watching.isEmpty()) {
                // Written once for the whole class, not once per learner.
                Optional<StreamEvent> event = directory.workshop(id).map(view -> event("workshop", view));
                event.ifPresent(e -> watching.forEach(s -> s.send(e)));
            }
        }
        for (Long id : Set.copyOf(reported)) {
            reported.remove(id);
            Set<StreamSubscriber> watching = dashboards.get(id);
            if (watching == null) {
                continue;
            }
            watching.removeIf(StreamSubscriber::closed);
            if (!watching.isEmpty()) {
                StreamEvent event = event("dashboard", dashboard(id));
                watching.forEach(s -> s.send(event));
            }
        }
        learners.values().forEach(set -> set.removeIf(StreamSubscriber::closed));
        // Also the tallies no dashboard watches now, so that their queues of events stay short.
        tallies.values().forEach(ClassTally::catchUp);
    }

    private static void send(StreamSubscriber subscriber, StreamEvent event) {
        if (!subscriber.closed()) {
            subscriber.send(event);
        }
    }

    private static void closeAll(Set<StreamSubscriber> subscribers, String reason) {
        if (subscribers != null) {
            subscribers.forEach(s -> close(s, reason));
        }
    }

    /** Sends a stream its last event, which says why it ends, then ends it. */
    private static void close(StreamSubscriber subscriber, String reason) {
        subscriber.send(reason.equals(SHUTDOWN) ? SHUTDOWN_EVENT : StreamEvent.of(reason, "{}"));
        subscriber.close();
    }

    private StreamEvent event(String name, Object value) {
        return StreamEvent.json(name, json, value);
    }

    /**
     * Ends every stream as soon as the server begins to stop, before it waits for the requests in flight: each gets
     * a last {@code shutdown} event, and the server does not wait for streams that would never end by themselves.
     * A stream opened after that gets the same event at once.
     */
    void endStreams(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownDelayInitiatedEvent event) {
        stopping = true;
        dashboards.values().forEach(set -> closeAll(set, SHUTDOWN));
        learners.values().forEach(set -> closeAll(set, SHUTDOWN));
        dashboards.clear();
        learners.clear();
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        ticker.shutdownNow();
        endStreams(null);
    }
}
