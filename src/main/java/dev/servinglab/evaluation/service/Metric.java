package dev.servinglab.evaluation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names the four metrics of a binary classifier, with their labels and formulas, and computes them from the cells of
 * a confusion matrix. Pages, messages and the JSON API all take the metric names from here.
 */
public enum Metric {
    /** Share of all cases predicted right. */
    ACCURACY(
            "Accuracy",
            "Accuracy = (TP + TN) / (TP + FP + FN + TN)",
            "all four cells: TP and TN on top, every case below"),
    /** Share of positive predictions that are right. */
    PRECISION("Precision", "Precision = TP / (TP + FP)", "the predicted-positive cells: TP and FP"),
    /** Share of actual positives that are found. */
    RECALL("Recall", "Recall = TP / (TP + FN)", "the actually-positive cells: TP and FN"),
    /**
     * Harmonic mean of precision and recall, computed from the counts so that it has a value (0) when TP = 0: the
     * convention lesson 4 teaches, and scikit-learn's.
     */
    F1(
            "F1",
            "F1 = 2 · TP / (2 · TP + FP + FN), the same as 2 · Precision · Recall / (Precision + Recall); "
                    + "0 when TP = 0",
            "TP, FP and FN: the cells precision and recall use");

    /** Every metric, in the order pages list them. */
    public static final List<Metric> ALL = List.of(values());

    private final String label;
    private final String formula;
    private final String cells;

    Metric(String label, String formula, String cells) {
        this.label = label;
        this.formula = formula;
        this.cells = cells;
    }

    /** Returns the name people read, e.g. "F1". */
    public String label() {
        return label;
    }

    /** Returns the formula, in words a learner can apply. */
    public String formula() {
        return formula;
    }

    /** Says which cells the metric uses. */
    public String cells() {
        return cells;
    }

    /** Returns the JSON name of the metric, e.g. {@code f1}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finds a metric by its JSON name. */
    public static Optional<Metric> byKey(String key) {
        return ALL.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** Returns every JSON name, in order. */
    public static List<String> keys() {
        return ALL.stream().map(Metric::key).toList();
    }

    /** Lists every JSON name for a sentence: "accuracy, precision, recall and f1". */
    public static String keysInWords() {
        List<String> keys = keys();
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.getLast();
    }

    /**
     * Computes every metric, by JSON name, in the order of this enum; {@code null} marks an undefined one.
     */
    public static Map<String, Double> all(ConfusionCounts counts) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Metric metric : ALL) {
            metrics.put(metric.key(), metric.of(counts));
        }
        return metrics;
    }

    /**
     * Computes the metric, or {@code null} where its denominator is zero (the metric is undefined). F1 uses the
     * count form: when TP = 0 it is 0 even where precision is undefined (the model found none of the positives), and
     * it is undefined only when there is nothing to find and nothing was flagged.
     */
    public Double of(ConfusionCounts c) {
        return switch (this) {
            case ACCURACY -> ratio(c.tp() + c.tn(), c.total());
            case PRECISION -> ratio(c.tp(), c.tp() + c.fp());
            case RECALL -> ratio(c.tp(), c.tp() + c.fn());
            case F1 -> ratio(2 * c.tp(), 2 * c.tp() + c.fp() + c.fn());
        };
    }

    private static Double ratio(int numerator, int denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
