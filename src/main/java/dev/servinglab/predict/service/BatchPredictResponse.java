package dev.servinglab.predict.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answers a batch: one prediction per instance, in request order.
 */
@Schema(name = "BatchPredictResponse")
public record BatchPredictResponse(
        @Schema(examples = "mlp") String model,
        @Schema(examples = "1") String modelVersion,
        List<PredictResponse.BatchItem> predictions) {}
