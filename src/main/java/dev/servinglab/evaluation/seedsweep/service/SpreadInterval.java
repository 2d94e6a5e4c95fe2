package dev.servinglab.evaluation.seedsweep.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds the range where most seeds' test accuracies fall: the 2.5th to the 97.5th percentile of the sweep.
 *
 * @param low         the 2.5th percentile
 * @param high        the 97.5th percentile
 * @param method      how the bounds were computed, in words
 * @param seedsInside how many of the sweep's seeds scored from {@code low} to {@code high}, both included
 */
@Schema(description = "The 2.5th to 97.5th percentile of the seeds' test accuracies")
public record SpreadInterval(double low, double high, String method, int seedsInside) {}
