package dev.servinglab.evaluation.service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import smile.validation.metric.Accuracy;
import smile.validation.metric.FScore;
import smile.validation.metric.Precision;
import smile.validation.metric.Recall;

/**
 * Names the four metrics of a binary classifier, with their formulas, computed by Smile.
 */
public enum Metric {
    /** Share of all cases predicted right. */
    ACCURACY("Accuracy = (TP + TN) / (TP + FP + FN + TN)", "all four cells: TP and TN on top, every case below"),
    /** Share of positive predictions that are right. */
    PRECISION("Precision = TP / (TP + FP)", "the predicted-positive cells: TP and FP"),
    /** Share of actual positives that are found. */
    RECALL("Recall = TP / (TP + FN)", "the actually-positive cells: TP and FN"),
    /** Harmonic mean of precision and recall. */
    F1("F1 = 2 · Precision · Recall / (Precision + Recall)", "precision and recall, computed first");

    private final String formula;
    private final String cells;

    Metric(String formula, String cells) {
        this.formula = formula;
        this.cells = cells;
    }

    /** Returns the formula, in words a learner can apply. */
    public String formula() {
        return formula;
    }

    /** Says which cells the metric uses. */
    public String cells() {
        return cells;
    }

    /** Returns the JSON name of the metric. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Computes every metric, by JSON name, in the order of this enum; {@code null} marks an undefined one.
     */
    public static Map<String, Double> all(ConfusionCounts counts) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Metric metric : values()) {
            metrics.put(metric.key(), metric.of(counts));
        }
        return metrics;
    }

    /**
     * Computes the metric, or {@code null} where its denominator is zero (the metric is undefined).
     */
    public Double of(ConfusionCounts c) {
        int[][] labels = c.labels();
        return switch (this) {
            case ACCURACY -> Accuracy.of(labels[0], labels[1]);
            case PRECISION -> c.tp() + c.fp() == 0 ? null : Precision.of(labels[0], labels[1]);
            case RECALL -> c.tp() + c.fn() == 0 ? null : Recall.of(labels[0], labels[1]);
            // F1 is undefined when precision or recall is, and when both are 0 (0 / 0).
            case F1 -> c.tp() == 0 ? null : FScore.of(labels[0], labels[1], 1.0, null);
        };
    }
}
