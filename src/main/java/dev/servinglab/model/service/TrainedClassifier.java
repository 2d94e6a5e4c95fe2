package dev.servinglab.model.service;

import java.util.List;

/**
 * Holds a trained classifier together with how its training went.
 *
 * @param classifier the model, ready to predict on standardised rows
 * @param history    one entry per epoch (a single entry for a model fitted in one go)
 * @param stopReason why training ended, in words
 */
public record TrainedClassifier(ProbabilisticClassifier classifier, List<EpochMetrics> history, String stopReason) {

    public TrainedClassifier {
        history = List.copyOf(history);
    }
}
