package dev.servinglab.predict.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Warns that a feature lies outside the range seen in training: the request is served, but the model is
 * extrapolating (data drift).
 */
@Schema(description = "A feature outside its training range; the prediction is still served")
public record RangeWarning(
        @Schema(examples = "petal_length") String feature,
        @Schema(examples = "9.5") double value,
        @Schema(examples = "1.0") double trainingMin,
        @Schema(examples = "6.9") double trainingMax,

        @Schema(
                examples = "petal_length = 9.5 cm lies outside the training range 1.0 to 6.9 cm; the model is "
                        + "extrapolating, so treat the answer with care")
        String message) {}
