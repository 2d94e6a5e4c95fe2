package dev.servinglab.model.rest;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lists the served models and shows each one's model card.
 */
@Path("/api/v1/models")
@Tag(name = "Models", description = "What the served models are, how they were trained and how they score")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelRegistry models;

    ModelResource(ModelRegistry models) {
        this.models = models;
    }

    @GET
    @NonBlocking
    @Operation(
            summary = "List the served models",
            description = "Every model the predict API accepts by name, the default one first.")
    @APIResponse(
            responseCode = "200",
            description = "The models",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ModelSummary.class, type = SchemaType.ARRAY)))
    public List<ModelSummary> list() {
        ServedModel defaultModel = models.defaultModel();
        return models.all().stream()
                .map(m -> ModelSummary.of(m, m == defaultModel))
                .toList();
    }

    @GET
    @Path("/{name}")
    @NonBlocking
    @Operation(
            summary = "Show a model card",
            description = "The model's features with units and training ranges, its classes, the scaler's "
                    + "parameters, its hyperparameters, the loss and accuracy of every training epoch, its test "
                    + "metrics and confusion matrix, and where its data comes from.")
    @APIResponse(
            responseCode = "200",
            description = "The model card",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ModelCard.class)))
    @APIResponse(responseCode = "404", description = "No model has that name")
    public ModelCard card(
            @Parameter(description = "The model's name", example = "mlp") @PathParam("name") String name) {
        ServedModel model = models.require(name);
        return ModelCard.of(model, model == models.defaultModel());
    }
}
