package dev.servinglab.predict.service;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows what one stage of the pipeline did to one request.
 *
 * @param name        the stage: parse, scale, predict or respond
 * @param operation   what the stage computes, in words
 * @param inputShape  the shape of what came in, e.g. {@code 1 × 4}
 * @param outputShape the shape of what went out
 * @param input       the values that came in
 * @param output      the values that went out
 * @param parameters  the stage's fitted parameters (the scaler's mean and std, the model's hyperparameters)
 * @param durationNs  how long the stage took, in nanoseconds
 */
@Schema(description = "One stage of the serving pipeline, with its real inputs, outputs and time")
public record StageTrace(
        @Schema(examples = "scale") String name,
        String operation,
        @Schema(examples = "1 × 4") String inputShape,
        @Schema(examples = "1 × 4") String outputShape,
        Object input,
        Object output,
        Map<String, Object> parameters,
        long durationNs) {}
