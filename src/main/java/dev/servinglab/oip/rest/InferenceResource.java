package dev.servinglab.oip.rest;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.UnknownModelException;
import dev.servinglab.oip.InferenceRequest;
import dev.servinglab.oip.InferenceResponse;
import dev.servinglab.oip.service.InferenceService;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the iris models through the Open Inference Protocol (KServe V2) REST API, so that any client of
 * that protocol can call them.
 */
@Path(ProtocolErrorFormat.PREFIX)
@Tag(name = "Open Inference Protocol", description = "The same models through the standard V2 inference API")
@Produces(MediaType.APPLICATION_JSON)
public class InferenceResource {

    private static final String ANSWER = "{\"model_name\":\"iris\",\"model_version\":\"1\",\"id\":\"42\","
            + "\"outputs\":[{\"name\":\"probabilities\",\"shape\":[2,3],\"datatype\":\"FP64\",\"data\":[0.97,0.02,"
            + "0.01,0.0,0.01,0.99]},{\"name\":\"predicted_class\",\"shape\":[2],\"datatype\":\"BYTES\","
            + "\"data\":[\"setosa\",\"virginica\"]}]}";
    private static final String EXAMPLE = "{\"id\":\"42\",\"inputs\":[{\"name\":\"features\",\"shape\":[2,4],"
            + "\"datatype\":\"FP32\",\"data\":[5.1,3.5,1.4,0.2,6.7,3.0,5.2,2.3]}]}";

    private final ModelRegistry models;
    private final InferenceService inference;
    private final String version;

    InferenceResource(
            ModelRegistry models,
            InferenceService inference,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.models = models;
        this.inference = inference;
        this.version = version;
    }

    @GET
    @NonBlocking
    @Operation(summary = "Server metadata", description = "The server's name, version and protocol extensions.")
    @APIResponse(
            responseCode = "200",
            description = "The server's metadata",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProtocolMetadata.Server.class)))
    public ProtocolMetadata.Server server() {
        return new ProtocolMetadata.Server("serving-lab", version, List.of());
    }

    @GET
    @Path("/health/live")
    @NonBlocking
    @Operation(summary = "Server live", description = "200 while the server can answer requests.")
    @APIResponse(
            responseCode = "200",
            description = "The server is live",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProtocolMetadata.Live.class)))
    public ProtocolMetadata.Live live() {
        return new ProtocolMetadata.Live(true);
    }

    @GET
    @Path("/health/ready")
    @NonBlocking
    @Operation(
            summary = "Server ready",
            description = "`ready` turns true once every model is trained and " + "can infer.")
    @APIResponse(
            responseCode = "200",
            description = "The server is ready",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProtocolMetadata.Ready.class)))
    public ProtocolMetadata.Ready ready() {
        return new ProtocolMetadata.Ready(models.isReady());
    }

    @GET
    @Path("/models/{model}")
    @NonBlocking
    @Operation(
            summary = "Model metadata",
            description = "The model's versions, platform, input and output "
                    + "tensors. `iris` is the default model; every name of GET /api/v1/models works too.")
    @APIResponse(
            responseCode = "200",
            description = "The model's metadata",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProtocolMetadata.Model.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such model or version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    public ProtocolMetadata.Model metadata(@PathParam("model") String model) {
        return metadataOf(resolve(model, null), model);
    }

    @GET
    @Path("/models/{model}/versions/{version}")
    @NonBlocking
    @Operation(summary = "Model metadata of a version", description = "As the model metadata, for one version.")
    @APIResponse(
            responseCode = "200",
            description = "The model version's metadata",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProtocolMetadata.Model.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such model or version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    public ProtocolMetadata.Model metadataOfVersion(
            @PathParam("model") String model, @PathParam("version") String modelVersion) {
        return metadataOf(resolve(model, modelVersion), model);
    }

    @GET
    @Path("/models/{model}/ready")
    @NonBlocking
    @Operation(summary = "Model ready", description = "200 when the model can infer, 404 when there is no such model.")
    @APIResponse(
            responseCode = "200",
            description = "The model is ready",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProtocolMetadata.ModelReady.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such model or version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    public ProtocolMetadata.ModelReady modelReady(@PathParam("model") String model) {
        resolve(model, null);
        return new ProtocolMetadata.ModelReady(model, true);
    }

    @GET
    @Path("/models/{model}/versions/{version}/ready")
    @NonBlocking
    @Operation(summary = "Model version ready", description = "As model ready, for one version.")
    @APIResponse(
            responseCode = "200",
            description = "The model version is ready",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProtocolMetadata.ModelReady.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such model or version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    public ProtocolMetadata.ModelReady modelVersionReady(
            @PathParam("model") String model, @PathParam("version") String modelVersion) {
        resolve(model, modelVersion);
        return new ProtocolMetadata.ModelReady(model, true);
    }

    @POST
    @Path("/models/{model}/infer")
    @Consumes(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(
            summary = "Inference",
            description = "Takes one FP32 or FP64 tensor of shape [n, 4] (sepal length, "
                    + "sepal width, petal length, petal width in cm; row-major, flat or nested) and answers with "
                    + "`probabilities` (FP64 [n, 3]: setosa, versicolor, virginica) and `predicted_class` (BYTES [n]). "
                    + "The request `id` is echoed.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceRequest.class),
                            examples = @ExampleObject(name = "two flowers", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The inference result",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceResponse.class),
                            examples = @ExampleObject(name = "two flowers", value = ANSWER)))
    @APIResponse(
            responseCode = "400",
            description = "A bad request, as the protocol's error object",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such model or version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    public InferenceResponse infer(@PathParam("model") String model, InferenceRequest request) {
        return inference.infer(request, resolve(model, null), model);
    }

    @POST
    @Path("/models/{model}/versions/{version}/infer")
    @Consumes(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(summary = "Inference on a version", description = "As inference, for one version.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceRequest.class),
                            examples = @ExampleObject(name = "two flowers", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The inference result",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceResponse.class),
                            examples = @ExampleObject(name = "two flowers", value = ANSWER)))
    @APIResponse(
            responseCode = "400",
            description = "A bad request, as the protocol's error object",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such model or version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InferenceError.class)))
    public InferenceResponse inferVersion(
            @PathParam("model") String model, @PathParam("version") String modelVersion, InferenceRequest request) {
        return inference.infer(request, resolve(model, modelVersion), model);
    }

    private ServedModel resolve(String name, String modelVersion) {
        ServedModel model = models.require(name);
        if (modelVersion != null && !modelVersion.equals(model.version())) {
            throw new UnknownModelException(
                    name + "/versions/" + modelVersion, List.of(name + "/versions/" + model.version()));
        }
        return model;
    }

    private static ProtocolMetadata.Model metadataOf(ServedModel model, String name) {
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
}
