package dev.servinglab.evaluation.service;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.service.LogisticTrainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows the accuracy paradox on real data: spambase made imbalanced (spam kept at 2 %, by a seeded draw), a model
 * that always answers "not spam" beside a logistic regression, both judged on the same held-out rows.
 */
@ApplicationScoped
public class ParadoxLab {

    /** Share of positive rows in the derived data set. */
    public static final double POSITIVE_SHARE = 0.02;

    private static final double TEST_FRACTION = 0.3;

    private final DatasetRepository datasets;
    private final long seed;
    private final LogisticTrainer.Options options;
    private Result result;

    @Inject
    ParadoxLab(DatasetRepository datasets, ModelConfig config) {
        this(datasets, config.seed(), LogisticTrainer.Options.of(config.logistic()));
    }

    ParadoxLab(DatasetRepository datasets, long seed, LogisticTrainer.Options options) {
        this.datasets = datasets;
        this.seed = seed;
        this.options = options;
    }

    /**
     * Holds one classifier's judgement on the held-out rows.
     */
    @Schema(name = "ParadoxClassifier")
    public record Judged(String name, String description, ConfusionCounts counts, Map<String, Double> metrics) {}

    /**
     * Holds the derived data set and both classifiers.
     */
    @Schema(name = "Paradox")
    public record Result(
            String derivation,
            int rows,
            int positives,
            int testSize,
            int testPositives,
            Judged alwaysNegative,
            Judged model) {}

    /**
     * Derives the data set, trains the model on first use, and returns both judgements.
     */
    public synchronized Result result() {
        if (result == null) {
            result = compute();
        }
        return result;
    }

    private Result compute() {
        Dataset spam = datasets.load("spambase");
        Dataset rare = derive(spam, seed);
        BinaryScores judged = BinaryScores.of(rare, TEST_FRACTION, seed, options);
        int[] truth = judged.truth();
        int testPositives = 0;
        for (int label : truth) {
            testPositives += label;
        }
        int positives = 0;
        for (int label : rare.labels()) {
            positives += label;
        }
        String derivation = "spambase with every non-spam row and a seeded random " + Math.round(POSITIVE_SHARE * 100)
                + " % share of spam rows (seed " + seed + "), split 70 / 30 per class with the same seed";
        return new Result(
                derivation,
                rare.size(),
                positives,
                truth.length,
                testPositives,
                judge(
                        "Always \"not spam\"",
                        "Answers \"not spam\" whatever the message: no model at all.",
                        judged.at(Double.POSITIVE_INFINITY)),
                judge(
                        "Logistic regression",
                        "Trained on the imbalanced training rows; spam when P(spam) ≥ 0.5.",
                        judged.at(0.5)));
    }

    /**
     * Keeps every negative row and draws positives until they are {@link #POSITIVE_SHARE} of the rows; the draw is
     * a seeded shuffle, so the same seed always keeps the same rows.
     */
    static Dataset derive(Dataset data, long seed) {
        List<Integer> negatives = new ArrayList<>();
        List<Integer> positives = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            (data.labels()[i] == 1 ? positives : negatives).add(i);
        }
        int keep = (int) Math.round(negatives.size() * POSITIVE_SHARE / (1 - POSITIVE_SHARE));
        Random random = new Random(seed);
        for (int i = positives.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer tmp = positives.get(i);
            positives.set(i, positives.get(j));
            positives.set(j, tmp);
        }
        List<Integer> rows = new ArrayList<>(negatives);
        rows.addAll(positives.subList(0, keep));
        rows.sort(Integer::compare);
        return data.subset(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Judged judge(String name, String description, ConfusionCounts counts) {
        return new Judged(name, description, counts, Metric.all(counts));
    }
}
