package dev.servinglab.evaluation.threshold.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Says whether a threshold meets its data set's goal, and which way to move it if not.
 *
 * @param challenge the goal
 * @param threshold the threshold checked
 * @param met       whether it meets the goal
 * @param precision the precision there, {@code null} when undefined
 * @param recall    the recall there, {@code null} when undefined
 * @param message   the verdict in words
 */
@Schema(name = "ThresholdVerdict")
public record ThresholdVerdict(
        ThresholdChallenge challenge, double threshold, boolean met, Double precision, Double recall, String message) {}
