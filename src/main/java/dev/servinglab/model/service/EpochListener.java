package dev.servinglab.model.service;

/**
 * Receives the metrics of every epoch while a model trains.
 */
@FunctionalInterface
public interface EpochListener {

    /** A listener that only lets training run to its end. */
    EpochListener NONE = metrics -> true;

    /**
     * Takes the metrics of an epoch that has just finished.
     *
     * @return {@code false} to stop training after this epoch
     */
    boolean onEpoch(EpochMetrics metrics);
}
