package dev.servinglab.evaluation.service;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import dev.servinglab.model.service.LogisticTrainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Says how the evaluation labs train and hold out, the same for all of them: the app's seed, its logistic
 * regression settings, and {@value #TEST_FRACTION} of every class held out.
 */
@ApplicationScoped
public class LabSettings {

    /** Share of every class held out for evaluation. */
    public static final double TEST_FRACTION = 0.3;

    private final long seed;
    private final LogisticTrainer.Options logistic;

    @Inject
    LabSettings(ModelConfig config) {
        this(config.seed(), LogisticTrainer.Options.of(config.logistic()));
    }

    /** Creates settings with a given seed and logistic regression, as tests want them. */
    public LabSettings(long seed, LogisticTrainer.Options logistic) {
        this.seed = seed;
        this.logistic = logistic;
    }

    /** Returns the seed of every split and draw. */
    public long seed() {
        return seed;
    }

    /** Returns the settings of every logistic regression the labs train. */
    public LogisticTrainer.Options logistic() {
        return logistic;
    }

    /** Splits a data set into training and held-out rows, per class, with the seed. */
    public Split split(Dataset data) {
        return StratifiedSplitter.split(data, new StratifiedSplitter.Options(0, TEST_FRACTION, seed));
    }
}
