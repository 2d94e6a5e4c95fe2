package dev.servinglab.training.service;

import dev.servinglab.training.TrainingConfig;
import dev.servinglab.web.problem.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Bounds the trainings that run at once to {@link TrainingConfig#concurrency()}, and tells a client refused a
 * slot when one is likely to free.
 */
@ApplicationScoped
public class TrainingSlots {

    private final int concurrency;
    private final Duration maxDuration;
    private final Semaphore slots;
    private final TrainingRuns runs;

    TrainingSlots(TrainingConfig config, TrainingRuns runs) {
        this.concurrency = config.concurrency();
        this.maxDuration = config.maxDuration();
        this.slots = new Semaphore(concurrency);
        this.runs = runs;
    }

    /**
     * Takes a slot for a new run.
     *
     * @throws TooManyRequestsException if every slot is taken, with the seconds after which to try again
     */
    void take() {
        if (!slots.tryAcquire()) {
            long retryAfter = retryAfterSeconds(runs.running(), System.currentTimeMillis());
            throw new TooManyRequestsException(
                    "The server trains at most " + concurrency + " models at once and all are busy; try again in "
                            + "about " + retryAfter + " s.",
                    retryAfter);
        }
    }

    /** Frees a slot taken by {@link #take()}. */
    void free() {
        slots.release();
    }

    /**
     * Estimates when a slot frees: the soonest any running run would end at its pace so far, or at the time limit.
     */
    long retryAfterSeconds(List<TrainingRun> running, long nowMillis) {
        double soonest = maxDuration.toMillis();
        for (TrainingRun run : running) {
            Optional<TrainingEpoch> last = run.lastEpoch();
            int done = last.map(TrainingEpoch::epoch).orElse(0);
            double perEpoch =
                    last.isEmpty() ? run.options().paceMs() + 10 : last.get().elapsedMs() / done;
            double remaining = (run.options().epochs() - done) * perEpoch;
            double untilLimit =
                    maxDuration.toMillis() - (nowMillis - run.createdAt().toEpochMilli());
            soonest = Math.min(soonest, Math.min(remaining, untilLimit));
        }
        return Math.max(1, (long) Math.ceil(soonest / 1000));
    }
}
