package dev.servinglab.predict.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answers one prediction: the most likely class, every class's probability, and which model answered.
 */
@Schema(name = "PredictResponse", description = "The predicted class and the probability of every class")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PredictResponse(
        @Schema(examples = "setosa") String predictedClass,

        @Schema(
                description = "Class name → probability; they sum to 1",
                examples = "{\"setosa\": 0.97, \"versicolor\": 0.02, \"virginica\": 0.01}")
        Map<String, Double> probabilities,

        @Schema(examples = "mlp") String model,
        @Schema(examples = "1") String modelVersion,

        @Schema(description = "Features outside their training range, if any")
        List<RangeWarning> warnings) {

    /** Returns the same prediction without the model fields, as one item of a batch. */
    public BatchItem asBatchItem() {
        return new BatchItem(predictedClass, probabilities, warnings);
    }

    /**
     * Answers one instance of a batch.
     */
    @Schema(name = "BatchPrediction")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BatchItem(String predictedClass, Map<String, Double> probabilities, List<RangeWarning> warnings) {}
}
