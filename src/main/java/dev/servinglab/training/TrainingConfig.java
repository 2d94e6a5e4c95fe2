package dev.servinglab.training;

import dev.servinglab.model.service.MlpTrainer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Configures the training lab: how many learners can train at once, how long a run may take, how many runs and
 * promoted models the server keeps.
 */
@ConfigMapping(prefix = "serving-lab.training")
public interface TrainingConfig {

    /**
     * Trainings that may run at once; a request beyond it is answered 429 with Retry-After. Unset means the
     * number of cores, so that trainings never queue behind one another on a core.
     */
    OptionalInt maxConcurrent();

    /**
     * The most epochs one run may ask for; at most the trainer's own ceiling, checked when the app starts (Hibernate
     * Validator validates config mappings).
     */
    @WithDefault("2000")
    @Min(1)
    @Max(MlpTrainer.Options.MAX_EPOCHS)
    int maxEpochs();

    /** The longest a run may take, pauses included; it then stops with what it has learned. */
    @WithDefault("120s")
    Duration maxDuration();

    /** The longest pause between two epochs a run may ask for, in milliseconds. */
    @WithDefault("1000")
    @Min(0)
    int maxPaceMs();

    /** The pause between epochs the training page starts with, in milliseconds, so learners can watch. */
    @WithDefault("60")
    int pagePaceMs();

    /** Finished runs kept for GET /api/v1/trainings/{id}; the oldest finished run is forgotten first. */
    @WithDefault("50")
    int maxStoredRuns();

    /**
     * Promoted models one instance holds in memory; one more lets the least recently used go from memory. The
     * database keeps it, so a request naming it loads it again.
     */
    @WithDefault("10")
    @Min(1)
    int maxPromoted();

    /**
     * Promoted models the database keeps, for every instance to load; promoting one more deletes the oldest, which
     * is then retired. An instance that holds a retired model in memory serves it until it lets it go.
     */
    @WithDefault("100")
    @Min(1)
    int maxStoredModels();

    /**
     * How long a run that was followed may go on with nobody following it before it is cancelled: long enough
     * for a page reload or a dropped connection to come back.
     */
    @WithDefault("5s")
    Duration disconnectGrace();

    /** Clients that may follow one run's event stream at once. */
    @WithDefault("8")
    int maxFollowers();

    /** Returns the number of trainings that may run at once. */
    default int concurrency() {
        return Math.max(1, maxConcurrent().orElse(Runtime.getRuntime().availableProcessors()));
    }
}
