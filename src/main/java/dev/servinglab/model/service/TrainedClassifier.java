package dev.servinglab.model.service;

import java.util.List;

/**
 * Holds a trained classifier together with how its training went.
 *
 * @param classifier the model, ready to predict on standardised rows
 * @param history    one entry per epoch (a single entry for a model fitted in one go)
 * @param stop       why training ended
 * @param stopReason the same in a sentence
 * @param keptEpoch  the epoch whose weights the classifier has: the last one, or the best one after an early stop
 */
public record TrainedClassifier(
        ProbabilisticClassifier classifier,
        List<EpochMetrics> history,
        StopCause stop,
        String stopReason,
        int keptEpoch) {

    public TrainedClassifier {
        history = List.copyOf(history);
    }

    /** Holds a model fitted in one go, which always runs to its end. */
    public TrainedClassifier(
            ProbabilisticClassifier classifier, List<EpochMetrics> history, String stopReason, int keptEpoch) {
        this(classifier, history, StopCause.EPOCHS, stopReason, keptEpoch);
    }
}
