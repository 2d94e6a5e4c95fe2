package dev.servinglab.evaluation.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds the four cells of a binary confusion matrix.
 *
 * @param tp true positives: actually positive, predicted positive
 * @param fp false positives: actually negative, predicted positive (false alarms)
 * @param fn false negatives: actually positive, predicted negative (misses)
 * @param tn true negatives: actually negative, predicted negative
 */
@Schema(name = "ConfusionCounts")
public record ConfusionCounts(int tp, int fp, int fn, int tn) {

    public ConfusionCounts {
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (tp + fp + fn + tn == 0) {
            throw new IllegalArgumentException("a confusion matrix counts at least one case");
        }
    }

    /**
     * Counts truth and prediction pairs, 1 meaning positive.
     */
    public static ConfusionCounts of(int[] truth, int[] predicted) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean positive = predicted[i] == 1;
            if (truth[i] == 1) {
                tp += positive ? 1 : 0;
                fn += positive ? 0 : 1;
            } else {
                fp += positive ? 1 : 0;
                tn += positive ? 0 : 1;
            }
        }
        return new ConfusionCounts(tp, fp, fn, tn);
    }

    /** Returns the number of cases. */
    public int total() {
        return tp + fp + fn + tn;
    }

    /**
     * Lays the cells out as the pages show a matrix: rows actual, columns predicted, the positive class first.
     */
    @JsonIgnore
    public int[][] matrix() {
        return new int[][] {{tp, fn}, {fp, tn}};
    }
}
