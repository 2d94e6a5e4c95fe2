package dev.servinglab.evaluation.threshold.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sets a goal a learner must reach by choosing a threshold.
 *
 * @param dataset       the data set it applies to
 * @param label         the job and data set in a few words, as the lab's menu names them
 * @param prompt        the task, in words
 * @param minPrecision  the precision the threshold must keep
 * @param minRecall     the recall the threshold must keep
 */
@Schema(name = "ThresholdChallenge")
public record ThresholdChallenge(
        String dataset,

        @Schema(examples = "Disease screen (breast cancer, positive: malignant)")
        String label,

        String prompt,
        double minPrecision,
        double minRecall) {}
