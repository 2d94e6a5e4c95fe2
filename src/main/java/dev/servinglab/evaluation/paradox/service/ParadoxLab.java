package dev.servinglab.evaluation.paradox.service;

import dev.servinglab.evaluation.service.BinaryScores;
import dev.servinglab.evaluation.service.ConfusionCounts;
import dev.servinglab.evaluation.service.LabSettings;
import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Shows the accuracy paradox on real data: spambase made imbalanced (spam kept at 2 %, by a seeded draw), a model
 * that always answers "not spam" beside a logistic regression, both judged on the same held-out rows.
 */
@ApplicationScoped
public class ParadoxLab {

    /** Share of positive rows in the derived data set. */
    public static final double POSITIVE_SHARE = 0.02;

    private final ParadoxComparison comparison;

    /**
     * Derives the data set and trains the model. The container creates this bean once, when the lessons are rendered
     * as the app starts (their widget shows it), so the training happens once, at startup.
     */
    ParadoxLab(DatasetRepository datasets, LabSettings settings) {
        this.comparison = compare(derive(datasets.load("spambase"), settings.seed()), settings);
    }

    /** Returns both judgements on the imbalanced data set. */
    public ParadoxComparison comparison() {
        return comparison;
    }

    private static ParadoxComparison compare(Dataset rare, LabSettings settings) {
        BinaryScores judged = BinaryScores.of(rare, settings);
        long heldOut = Math.round(LabSettings.TEST_FRACTION * 100);
        String derivation = "spambase with every non-spam row and a seeded random " + Math.round(POSITIVE_SHARE * 100)
                + " % share of spam rows (seed " + settings.seed() + "), split " + (100 - heldOut) + " / " + heldOut
                + " per class with the same seed";
        return new ParadoxComparison(
                derivation,
                judged.positive(),
                judged.negative(),
                rare.size(),
                Arrays.stream(rare.labels()).sum(),
                judged.truth().length,
                Arrays.stream(judged.truth()).sum(),
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
        Collections.shuffle(positives, new Random(seed));
        List<Integer> rows = new ArrayList<>(negatives);
        rows.addAll(positives.subList(0, keep));
        rows.sort(Integer::compare);
        return data.subset(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    private static JudgedClassifier judge(String name, String description, ConfusionCounts counts) {
        return new JudgedClassifier(name, description, counts, Metric.all(counts));
    }
}
