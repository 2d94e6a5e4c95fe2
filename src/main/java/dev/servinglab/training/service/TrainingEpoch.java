package dev.servinglab.training.service;

import dev.servinglab.model.service.EpochMetrics;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports one epoch of a training run: the event the stream sends after every epoch.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean cross-entropy on the training rows
 * @param trainAccuracy      accuracy on the training rows
 * @param validationLoss     mean cross-entropy on the validation rows
 * @param validationAccuracy accuracy on the validation rows
 * @param elapsedMs          milliseconds since training started, pauses included
 * @param observation        what this epoch shows in words (a fast drop, a plateau, overfitting), or null
 */
@Schema(description = "One epoch of a training run")
public record TrainingEpoch(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double elapsedMs,

        @Schema(
                description = "What the numbers show at this epoch, in words; null when nothing new",
                examples = "Fast drop: training loss down 31 % in one epoch, from 1.052 to 0.726")
        String observation) {

    /**
     * Pairs an epoch's metrics with what it shows.
     */
    public static TrainingEpoch of(EpochMetrics metrics, String observation) {
        return new TrainingEpoch(
                metrics.epoch(),
                metrics.trainLoss(),
                metrics.trainAccuracy(),
                metrics.validationLoss(),
                metrics.validationAccuracy(),
                metrics.elapsedMs(),
                observation);
    }

    /** Returns the same epoch with another observation. */
    public TrainingEpoch withObservation(String text) {
        return new TrainingEpoch(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, elapsedMs, text);
    }
}
