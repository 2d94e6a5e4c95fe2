package dev.servinglab.model.rest;

import dev.servinglab.model.service.ServedModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Lists one served model in a few fields.
 */
@Schema(name = "ModelSummary")
public record ModelSummary(
        @Schema(examples = "mlp") String name,
        @Schema(examples = "1") String version,
        @Schema(examples = "mlp") String kind,
        String description,
        boolean isDefault,
        @Schema(examples = "0.93") double testAccuracy,
        @Schema(examples = "/api/v1/models/mlp") String card) {

    /**
     * Summarises a served model.
     */
    public static ModelSummary of(ServedModel model, boolean isDefault) {
        return new ModelSummary(
                model.name(),
                model.version(),
                model.kind(),
                model.description(),
                isDefault,
                model.test().accuracy(),
                "/api/v1/models/" + model.name());
    }
}
