package dev.servinglab.evaluation.calibration.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports how well a served model's probabilities are calibrated: among the predictions that said "class c with
 * probability p", how often the flower really was of class c.
 *
 * @param model                    the served model
 * @param rowsUsed                 which rows were scored, in words
 * @param rows                     how many flowers were scored
 * @param classes                  how many classes each flower has a probability for
 * @param predictions              the pairs (probability, was it that class) binned: rows times classes
 * @param bins                     equal-width bins from 0 to 1
 * @param expectedCalibrationError the mean gap between a bin's observed frequency and its mean probability, each
 *                                 bin weighted by its share of the predictions
 */
@Schema(description = "A reliability diagram of a served model on rows it never learned from")
public record ReliabilityDiagram(
        String model,
        String rowsUsed,
        int rows,
        int classes,
        int predictions,
        List<ReliabilityBin> bins,
        double expectedCalibrationError) {

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }
}
