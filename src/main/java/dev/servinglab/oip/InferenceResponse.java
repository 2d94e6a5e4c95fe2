package dev.servinglab.oip;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answers an inference in the Open Inference Protocol's JSON form.
 */
@Schema(name = "InferenceResponse", description = "An Open Inference Protocol inference response")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceResponse(
        @Schema(examples = "iris") String modelName,
        @Schema(examples = "1") String modelVersion,
        @Schema(examples = "42") String id,
        List<Output> outputs) {

    /**
     * Holds one output tensor.
     */
    @Schema(name = "InferenceResponseOutput")
    public record Output(
            @Schema(examples = "probabilities") String name,
            @Schema(examples = "[1, 3]") List<Long> shape,
            @Schema(examples = "FP64") String datatype,
            @Schema(description = "Row-major values, flat") List<?> data) {}
}
