package dev.servinglab.evaluation.threshold.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.servinglab.evaluation.service.ConfusionCounts;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows what a threshold does on a data set's held-out rows, with the whole precision–recall and ROC curves.
 *
 * @param dataset         the data set
 * @param positive        its positive class
 * @param negative        its negative class
 * @param testSize        the held-out rows
 * @param threshold       the threshold: rows scoring at least this are predicted positive
 * @param counts          the confusion matrix there
 * @param metrics         accuracy, precision, recall and F1 there, {@code null} when undefined
 * @param auc             the area under the ROC curve, the same for every threshold
 * @param roc             the ROC curve at thresholds 0, 0.01 … 1
 * @param precisionRecall the precision–recall curve at the same thresholds
 */
@Schema(name = "ThresholdEffect")
public record ThresholdEffect(
        String dataset,
        String positive,
        String negative,
        int testSize,
        double threshold,
        ConfusionCounts counts,
        Map<String, Double> metrics,
        double auc,

        @Schema(description = "x = false-positive rate, y = true-positive rate (recall)")
        List<CurvePoint> roc,

        @Schema(description = "x = recall, y = precision (null where undefined)")
        List<CurvePoint> precisionRecall) {

    /** Returns the class names as the confusion matrix lists them: the positive class first. */
    @JsonIgnore
    public List<String> classes() {
        return List.of(positive, negative);
    }
}
