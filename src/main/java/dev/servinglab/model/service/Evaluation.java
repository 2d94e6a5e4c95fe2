package dev.servinglab.model.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports how a classifier did on held-out rows.
 *
 * @param size            rows evaluated
 * @param accuracy        share of rows predicted correctly
 * @param classes         class names, in the order of the matrix
 * @param confusionMatrix counts, rows = actual class, columns = predicted class
 * @param perClass        precision, recall and F1 of every class, one versus the rest
 * @param macroAverage    unweighted mean over the classes
 * @param weightedAverage mean over the classes weighted by their support
 */
@Schema(description = "Test-set metrics of a model")
public record Evaluation(
        int size,
        double accuracy,
        List<String> classes,

        @Schema(description = "Rows are the actual class, columns the predicted class")
        int[][] confusionMatrix,

        List<ClassMetrics> perClass,
        Average macroAverage,
        Average weightedAverage) {

    /**
     * Holds one class's metrics; a metric whose denominator is zero is {@code null} (undefined).
     */
    public record ClassMetrics(String className, Double precision, Double recall, Double f1, int support) {}

    /**
     * Holds averaged precision, recall and F1.
     */
    public record Average(double precision, double recall, double f1) {}
}
