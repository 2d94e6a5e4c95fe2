package dev.servinglab.oip.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Describes an error the way the Open Inference Protocol asks: {@code {"error": "…"}}.
 */
@Schema(name = "InferenceError", description = "An Open Inference Protocol error")
public record InferenceError(
        @Schema(examples = "inputs[0].shape must be [n, 4]") String error) {}
