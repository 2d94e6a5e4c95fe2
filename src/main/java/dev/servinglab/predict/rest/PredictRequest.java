package dev.servinglab.predict.rest;

import dev.servinglab.model.data.IrisExamples;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents the body of a prediction: one iris flower's four measurements in centimetres, the setosa of
 * {@link IrisExamples} as the example.
 *
 * <p>The body is read by {@link dev.servinglab.predict.service.FeatureParser}, which enforces the same rules: all
 * four fields, numbers within the data set's bounds, no other fields. The bounds are configured with the data set,
 * so {@link PredictRulesFilter} writes them into the schema.
 */
@Schema(
        name = "PredictRequest",
        description = "One flower's measurements, in centimetres. All four fields are "
                + "required; no other field is accepted.",
        additionalProperties = Schema.False.class)
public record PredictRequest(
        @Schema(required = true, description = "Sepal length (cm)", examples = IrisExamples.SETOSA_SEPAL_LENGTH)
        double sepalLength,

        @Schema(required = true, description = "Sepal width (cm)", examples = IrisExamples.SETOSA_SEPAL_WIDTH)
        double sepalWidth,

        @Schema(required = true, description = "Petal length (cm)", examples = IrisExamples.SETOSA_PETAL_LENGTH)
        double petalLength,

        @Schema(required = true, description = "Petal width (cm)", examples = IrisExamples.SETOSA_PETAL_WIDTH)
        double petalWidth) {}
