package dev.servinglab.predict.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answers a traced prediction: the same answer as {@code /predict} and every stage it went through.
 */
@Schema(name = "TraceResponse")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TraceResponse(
        @Schema(description = "Exactly what /api/v1/predict answers for this request")
        PredictResponse prediction,

        @Schema(description = "The four stages in order: parse, scale, predict, respond")
        List<StageTrace> stages,

        @Schema(description = "Sum of the stages' durations, in nanoseconds")
        long totalDurationNs,

        @Schema(
                description =
                        "True when the scale stage was skipped on purpose, to show a training/serving " + "mismatch")
        boolean scalingSkipped) {}
