package dev.servinglab.training.service;

import dev.servinglab.model.service.StopCause;
import dev.servinglab.training.TrainingConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the training runs by id: every running run, and the most recent ended ones up to
 * {@link TrainingConfig#maxStoredRuns()}, the oldest ended run forgotten first.
 */
@ApplicationScoped
public class TrainingRuns {

    private final int maxStored;
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

    /** Stops every run when the app stops, so that no training thread outlives it. */
    @PreDestroy
    void cancelAll() {
        running().forEach(run -> run.cancel(StopCause.CANCELLED));
    }
}
