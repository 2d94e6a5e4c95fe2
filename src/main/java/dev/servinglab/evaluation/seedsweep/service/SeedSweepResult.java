package dev.servinglab.evaluation.seedsweep.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports a seed sweep: the same model trained and tested with many seeds, beside the served one.
 *
 * @param model        the built-in model whose recipe was repeated, e.g. {@code mlp}
 * @param what         what changes from seed to seed, in words
 * @param runs         one entry per seed, in the order of the seed list
 * @param mean         the mean test accuracy over the seeds
 * @param standardDeviation the sample standard deviation of the seeds' test accuracies
 * @param interval     where the middle 95 % of the seeds' test accuracies fall
 * @param served       the served model: its seed and its own test accuracy
 * @param servedInside whether the served model's test accuracy lies in the interval
 */
@Schema(description = "The spread of test accuracy over seeds, beside the served model")
public record SeedSweepResult(
        String model,
        String what,
        List<SeedRun> runs,
        double mean,
        double standardDeviation,
        SpreadInterval interval,
        SeedRun served,
        boolean servedInside) {

    public SeedSweepResult {
        runs = List.copyOf(runs);
    }

    /** Returns the lowest test accuracy of the seeds. */
    public double lowest() {
        return runs.stream().mapToDouble(SeedRun::testAccuracy).min().orElseThrow();
    }

    /** Returns the highest test accuracy of the seeds. */
    public double highest() {
        return runs.stream().mapToDouble(SeedRun::testAccuracy).max().orElseThrow();
    }

    /** Returns what one test flower is worth in test accuracy: one over the size of the test split. */
    public double flowerShare() {
        return 1.0 / served.testSize();
    }
}
