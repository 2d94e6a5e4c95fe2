package dev.servinglab.predict.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents the body of a batch prediction.
 */
@Schema(
        name = "BatchPredictRequest",
        description = "Several flowers at once",
        additionalProperties = Schema.False.class)
public record BatchPredictRequest(
        @Schema(
                required = true,
                minItems = 1,
                maxItems = 1000,
                description = "The flowers, 1 to serving-lab.predict.max-batch-size (default 1,000)")
        List<PredictRequest> instances) {}
