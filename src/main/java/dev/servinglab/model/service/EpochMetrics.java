package dev.servinglab.model.service;

/**
 * Records how a model did after one pass over the training rows.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean cross-entropy on the training rows
 * @param trainAccuracy      accuracy on the training rows
 * @param validationLoss     mean cross-entropy on the validation rows
 * @param validationAccuracy accuracy on the validation rows
 * @param elapsedMs          milliseconds since training started
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double elapsedMs) {}
