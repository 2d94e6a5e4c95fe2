package dev.servinglab.model.service;

import java.util.Optional;

/**
 * Receives the metrics of every epoch while a model trains, and may stop it.
 */
@FunctionalInterface
public interface EpochListener {

    /** A listener that only lets training run to its end. */
    EpochListener NONE = metrics -> Optional.empty();

    /**
     * Takes the metrics of an epoch that has just finished.
     *
     * @return why training must stop after this epoch, or empty to go on
     */
    Optional<StopCause> onEpoch(EpochMetrics metrics);
}
