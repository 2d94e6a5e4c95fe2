package dev.servinglab.oip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.model.data.IrisExamples;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Asks for an inference in the Open Inference Protocol's JSON form.
 *
 * @param id         an identifier echoed in the response
 * @param parameters free-form parameters (none are used)
 * @param inputs     exactly one tensor of shape [n, 4]
 * @param outputs    the outputs wanted; all of them when absent
 */
@Schema(name = "InferenceRequest", description = "An Open Inference Protocol inference request")
public record InferenceRequest(
        @Schema(examples = "42") String id,
        Map<String, Object> parameters,
        @Schema(required = true) List<Input> inputs,
        List<Output> outputs) {

    /**
     * Holds one input tensor.
     *
     * @param name     the tensor's name (any name is accepted for the single input)
     * @param shape    [n, 4]
     * @param datatype FP32 or FP64
     * @param data     the n × 4 values in row-major order, flat or nested
     */
    @Schema(name = "InferenceRequestInput")
    public record Input(
            @Schema(required = true, examples = "features") String name,
            @Schema(required = true, examples = "[1, 4]") List<Long> shape,

            @Schema(
                    required = true,
                    enumeration = {"FP32", "FP64"})
            String datatype,

            Map<String, Object> parameters,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = Double.class,
                    description = "Row-major values, flat or nested ([[…], […]])",
                    examples = "[" + IrisExamples.SETOSA_ROW + "]")
            JsonNode data) {}

    /**
     * Names one wanted output.
     */
    @Schema(name = "InferenceRequestOutput")
    public record Output(
            @Schema(
                    required = true,
                    enumeration = {"probabilities", "predicted_class"})
            String name,

            Map<String, Object> parameters) {}
}
