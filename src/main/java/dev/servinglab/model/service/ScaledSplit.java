package dev.servinglab.model.service;

import dev.servinglab.model.data.Split;

/**
 * Holds a split whose rows have gone through the training scaler, ready for the trainers.
 */
public record ScaledSplit(
        double[][] trainX,
        int[] trainY,
        double[][] validationX,
        int[] validationY,
        double[][] testX,
        int[] testY,
        int classes) {

    /**
     * Standardises every part of the split with the given scaler.
     */
    public static ScaledSplit of(Split split, Standardizer scaler) {
        return new ScaledSplit(
                scaler.apply(split.train().features()),
                split.train().labels(),
                scaler.apply(split.validation().features()),
                split.validation().labels(),
                scaler.apply(split.test().features()),
                split.test().labels(),
                split.train().classNames().size());
    }
}
