package dev.servinglab.oip.rest;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.UnknownModelException;
import dev.servinglab.oip.service.InferenceService;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the iris models through the Open Inference Protocol (KServe V2) REST API, so that any client of
 * that protocol can call them: the server's own routes here, a model's routes in {@link ModelEndpoints}, reached
 * with or without a {@code /versions/{version}} segment.
 */
@Path(ProtocolErrorFormat.PREFIX)
@Tag(name = InferenceResource.TAG, description = "The same models through the standard V2 inference API")
@Produces(MediaType.APPLICATION_JSON)
public class InferenceResource {

    /** The tag of every operation of the protocol. */
    static final String TAG = "Open Inference Protocol";

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
            content = @Content(schema = @Schema(implementation = ProtocolMetadata.Server.class)))
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
            content = @Content(schema = @Schema(implementation = ProtocolMetadata.Live.class)))
    public ProtocolMetadata.Live live() {
        return new ProtocolMetadata.Live(true);
    }

    @GET
    @Path("/health/ready")
    @NonBlocking
    @Operation(summary = "Server ready", description = "`ready` turns true once every model is trained and can infer.")
    @APIResponse(
            responseCode = "200",
            description = "The server is ready",
            content = @Content(schema = @Schema(implementation = ProtocolMetadata.Ready.class)))
    public ProtocolMetadata.Ready ready() {
        return new ProtocolMetadata.Ready(models.isReady());
    }

    /** Serves a model's routes: {@code /v2/models/{model}}, {@code …/ready} and {@code …/infer}. */
    @Path("/models/{model}")
    public ModelEndpoints model(@PathParam("model") String model) {
        return new ModelEndpoints(model, models.require(model), inference);
    }

    /**
     * Serves the same routes for one version of a model: {@code /v2/models/{model}/versions/{version}}, and so on.
     *
     * @throws UnknownModelException if the model is not at that version
     */
    @Path("/models/{model}/versions/{version}")
    public ModelEndpoints modelVersion(
            @PathParam("model") String model,
            @Parameter(description = "The model's version; each model serves its current version only")
                    @PathParam("version")
                    String modelVersion) {
        ServedModel served = models.require(model);
        if (!modelVersion.equals(served.version())) {
            throw new UnknownModelException(
                    model + "/versions/" + modelVersion, List.of(model + "/versions/" + served.version()));
        }
        return new ModelEndpoints(model, served, inference);
    }
}
