package dev.servinglab.evaluation.paradox.service;

import dev.servinglab.evaluation.service.ConfusionCounts;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds one classifier's judgement on the held-out rows.
 *
 * @param name        the classifier
 * @param description how it decides
 * @param counts      its confusion matrix
 * @param metrics     accuracy, precision, recall and F1, {@code null} when undefined
 */
@Schema(name = "JudgedClassifier")
public record JudgedClassifier(String name, String description, ConfusionCounts counts, Map<String, Double> metrics) {}
