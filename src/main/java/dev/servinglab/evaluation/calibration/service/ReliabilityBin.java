package dev.servinglab.evaluation.calibration.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports one bin of a reliability diagram: the predictions whose probability fell in {@code [from, to)} (the last
 * bin includes 1).
 *
 * @param from              the lowest probability of the bin
 * @param to                the highest probability of the bin, excluded except for the last bin
 * @param count             how many predictions fell in it
 * @param hits              how many of them were right: the flower was of the class the probability was for
 * @param meanProbability   the mean predicted probability in the bin; null when it is empty
 * @param observedFrequency the share of its predictions that were right, {@code hits / count}; null when it is empty
 */
@Schema(description = "One bin of a reliability diagram")
public record ReliabilityBin(
        double from, double to, int count, int hits, Double meanProbability, Double observedFrequency) {

    /** Returns how far the bin is from perfect calibration: observed frequency minus mean probability, or null. */
    public Double gap() {
        return count == 0 ? null : observedFrequency - meanProbability;
    }
}
