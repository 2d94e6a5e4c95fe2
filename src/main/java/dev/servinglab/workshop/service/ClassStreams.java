package dev.servinglab.workshop.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.workshop.WorkshopConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
        tally(workshopId);
        dashboards
                .computeIfAbsent(workshopId, id -> new CopyOnWriteArraySet<>())
                .add(subscriber);
        reported.add(workshopId);
    }

    /** Streams a workshop's state to a learner: at once, then whenever the instructor changes it. */
    public void watchAsLearner(long workshopId, StreamSubscriber subscriber) {
        learners.computeIfAbsent(workshopId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        directory.workshop(workshopId).ifPresent(view -> send(subscriber, "workshop", view));
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

    private void tick() {
        if (++ticks % CLOCK_TICKS == 0) {
            reported.addAll(dashboards.keySet());
        }
        for (Long id : Set.copyOf(changed)) {
            changed.remove(id);
            Set<StreamSubscriber> watching = learners.getOrDefault(id, Set.of());
            if (!watching.isEmpty()) {
                // Written once for the whole class, not once per learner.
                Optional<String> data = directory.workshop(id).map(this::write);
                data.ifPresent(d -> watching.forEach(s -> s.send("workshop", d)));
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
                String data = write(dashboard(id));
                watching.forEach(s -> s.send("dashboard", data));
            }
        }
        learners.values().forEach(set -> set.removeIf(StreamSubscriber::closed));
        // Also the tallies no dashboard watches now, so that their queues of events stay short.
        tallies.values().forEach(ClassTally::catchUp);
    }

    private void send(StreamSubscriber subscriber, String name, Object value) {
        if (!subscriber.closed()) {
            subscriber.send(name, write(value));
        }
    }

    private static void closeAll(Set<StreamSubscriber> subscribers, String reason) {
        if (subscribers != null) {
            subscribers.forEach(s -> {
                s.send(reason, "{}");
                s.close();
            });
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dashboard's own records are always JSON", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
        dashboards.values().forEach(set -> closeAll(set, "shutdown"));
        learners.values().forEach(set -> closeAll(set, "shutdown"));
    }
}
