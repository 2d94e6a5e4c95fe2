package dev.servinglab.oip.rest;

import dev.servinglab.model.service.ServedModel;
import dev.servinglab.oip.InferenceRequest;
import dev.servinglab.oip.InferenceResponse;
import dev.servinglab.oip.service.InferenceService;
import dev.servinglab.predict.ExampleRequests;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the Open Inference Protocol's routes of one model, found by {@link InferenceResource} from the path with
 * or without its version: metadata, readiness and inference. Every route answers 404 for a model or version that is
 * not served.
 */
@Tag(name = InferenceResource.TAG)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "404",
        description = "No such model or version",
        content = @Content(schema = @Schema(implementation = InferenceError.class)))
public class ModelEndpoints {

    private final String name;
    private final ServedModel model;
    private final InferenceService inference;

    /**
     * Serves one model.
     *
     * @param name  the name the client used for it (echoed: {@code iris} is another name of the default model)
     * @param model the model
     */
    ModelEndpoints(String name, ServedModel model, InferenceService inference) {
        this.name = name;
        this.model = model;
        this.inference = inference;
    }

    @GET
    @NonBlocking
    @Operation(
            summary = "Model metadata",
            description = "The model's versions, platform, input and output tensors. `iris` is the default model; "
                    + "every name of GET /api/v1/models works too.")
    @APIResponse(
            responseCode = "200",
            description = "The model's metadata",
            content = @Content(schema = @Schema(implementation = ProtocolMetadata.Model.class)))
    public ProtocolMetadata.Model metadata() {
        long p = model.featureCount();
        long k = model.classCount();
        return new ProtocolMetadata.Model(
                name,
                List.of(model.version()),
                "smile_" + model.kind().replace('-', '_'),
                List.of(new ProtocolMetadata.Tensor("features", "FP32", List.of(-1L, p))),
                List.of(
                        new ProtocolMetadata.Tensor(InferenceService.PROBABILITIES, "FP64", List.of(-1L, k)),
                        new ProtocolMetadata.Tensor(InferenceService.PREDICTED_CLASS, "BYTES", List.of(-1L))));
    }

    @GET
    @Path("/ready")
    @NonBlocking
    @Operation(summary = "Model ready", description = "200 when the model can infer, 404 when there is no such model.")
    @APIResponse(
            responseCode = "200",
            description = "The model is ready",
            content = @Content(schema = @Schema(implementation = ProtocolMetadata.ModelReady.class)))
    public ProtocolMetadata.ModelReady ready() {
        return new ProtocolMetadata.ModelReady(name, true);
    }

    @POST
    @Path("/infer")
    @Consumes(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(
            summary = "Inference",
            description = "Takes one FP32 or FP64 tensor of shape [n, 4] (sepal length, sepal width, petal length, "
                    + "petal width in cm; row-major, flat or nested) and answers with `probabilities` (FP64 [n, 3]: "
                    + "setosa, versicolor, virginica) and `predicted_class` (BYTES [n]). The request `id` is echoed.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = InferenceRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = InferenceApiFilter.EXAMPLE,
                                            value = ExampleRequests.INFERENCE)))
    @APIResponse(
            responseCode = "200",
            description = "The inference result",
            content = @Content(schema = @Schema(implementation = InferenceResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad request, as the protocol's error object",
            content = @Content(schema = @Schema(implementation = InferenceError.class)))
    public InferenceResponse infer(InferenceRequest request) {
        return inference.infer(request, model, name);
    }
}
