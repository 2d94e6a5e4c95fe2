package dev.servinglab.evaluation.leakage.service;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds one evaluation of a leak: how it was done, how many test rows, and the metrics on them.
 *
 * @param how      the way the evaluation was done, in words
 * @param testSize the test rows
 * @param metrics  accuracy, precision, recall and F1, {@code null} when undefined
 */
@Schema(name = "LeakageEvaluation")
public record LeakageEvaluation(String how, int testSize, Map<String, Double> metrics) {}
