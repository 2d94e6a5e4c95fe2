package dev.servinglab.training.service;

import dev.servinglab.model.service.StopCause;
import dev.servinglab.training.TrainingConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps the training runs by id: every running run, and the most recent ended ones up to
 * {@link TrainingConfig#maxStoredRuns()}, the oldest ended run forgotten first.
 */
@ApplicationScoped
public class TrainingRuns {

    private static final Logger LOG = Logger.getLogger(TrainingRuns.class);
    /** How long the shutdown waits for the runs to end, within the 10 s a stopping server has to exit. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final int maxStored;
    private volatile boolean stopping;
    // Insertion order: the oldest run first, the one forgotten first.
    private final Map<String, TrainingRun> runs = new LinkedHashMap<>();

    TrainingRuns(TrainingConfig config) {
        this.maxStored = config.maxStoredRuns();
    }

    /** Finds a run by id, running or kept. */
    public Optional<TrainingRun> find(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id));
        }
    }

    /** Keeps a new run, forgetting the oldest ended runs beyond the bound. */
    void remember(TrainingRun run) {
        synchronized (runs) {
            runs.put(run.id(), run);
            Iterator<TrainingRun> oldestFirst = runs.values().iterator();
            while (runs.size() > maxStored && oldestFirst.hasNext()) {
                if (oldestFirst.next().status() != TrainingRun.Status.RUNNING) {
                    oldestFirst.remove();
                }
            }
        }
    }

    /** Forgets a run that never started. */
    void forget(TrainingRun run) {
        synchronized (runs) {
            runs.remove(run.id());
        }
    }

    /** Returns the runs still training, oldest first. */
    List<TrainingRun> running() {
        synchronized (runs) {
            return runs.values().stream()
                    .filter(run -> run.status() == TrainingRun.Status.RUNNING)
                    .toList();
        }
    }

    /** Tells whether the server has begun to stop: no run starts any more. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Ends every run as soon as the server begins to stop, before it waits for the requests in flight: a client
     * following a run gets its summary, saying the server is stopping, and its stream ends, so that the server does
     * not wait for streams that would never end by themselves. Waits a moment for the runs to end (each stops after
     * the epoch in progress), no longer: the process must exit within seconds.
     */
    void stopAll(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownDelayInitiatedEvent event)
            throws InterruptedException {
        stopping = true;
        List<TrainingRun> running = running();
        running.forEach(TrainingRun::stopForShutdown);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (TrainingRun run : running) {
            if (!run.awaitEnd(deadline - System.nanoTime())) {
                LOG.warnf("Training run %s did not end in time for the shutdown", run.id());
            }
        }
        if (!running.isEmpty()) {
            LOG.infof("The server is stopping: %d training runs stopped", running.size());
        }
    }

    /** Stops whatever still runs when the app stops, so that no training thread outlives it. */
    @PreDestroy
    void cancelAll() {
        stopping = true;
        running().forEach(run -> run.cancel(StopCause.CANCELLED));
    }
}
