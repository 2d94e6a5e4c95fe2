package dev.servinglab.predict.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents the body of a batch prediction. The largest batch is configured, so {@link PredictRulesFilter} writes
 * it into the schema as {@code maxItems}.
 */
@Schema(
        name = "BatchPredictRequest",
        description = "Several flowers at once",
        additionalProperties = Schema.False.class)
public record BatchPredictRequest(
        @Schema(required = true, minItems = 1, description = "The flowers, 1 to serving-lab.predict.max-batch-size")
        List<PredictRequest> instances) {}
