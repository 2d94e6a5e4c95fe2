package dev.servinglab.workshop.rest;

import dev.servinglab.web.http.StrictJsonReader;
import dev.servinglab.workshop.WorkshopConfig;
import dev.servinglab.workshop.service.LearnerService;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lets a learner join a workshop with its code and a nickname: the only learner operation under the workshop's
 * path, and the only one that needs no cookie.
 */
@Path("/api/v1/workshops/{code}/learners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = LearnerResource.TAG)
public class JoinResource {

    private final LearnerService learners;
    private final WorkshopConfig config;

    JoinResource(LearnerService learners, WorkshopConfig config) {
        this.learners = learners;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Join a workshop",
            description = "Takes a nickname (1 to 24 characters, any script, unique in the workshop) and sets the "
                    + "cookie that identifies this browser's learner. From a browser that already joined, it "
                    + "picks up the same learner (200) whatever nickname is sent. Join attempts are limited per "
                    + "client address (429 with Retry-After), so codes cannot be guessed.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.Join.class),
                            examples = @ExampleObject(name = "a nickname", value = "{\"nickname\": \"Ana\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Joined",
            content = @Content(schema = @Schema(implementation = LearnerService.Me.class)))
    @APIResponse(
            responseCode = "200",
            description = "This browser's learner, picked up again",
            content = @Content(schema = @Schema(implementation = LearnerService.Me.class)))
    @APIResponse(responseCode = "409", description = "The workshop is closed or full")
    @APIResponse(responseCode = "422", description = "Not a workshop's code, or the nickname breaks a rule or is taken")
    @APIResponse(responseCode = "429", description = "Too many join attempts from this address")
    public Response join(
            @Parameter(description = "The workshop's join code, as typed") @PathParam("code") String code,
            @Valid @NotNull(message = "is required: an object with a nickname") WorkshopRequests.Join request,
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Context HttpServerRequest http) {
        LearnerService.Joined joined = learners.join(code, request.nickname(), token, client(http));
        return Response.status(joined.rejoined() ? Response.Status.OK : Response.Status.CREATED)
                .cookie(WorkshopCookies.learner(joined.token(), config))
                .entity(joined.me())
                .build();
    }

    /** Returns the client's address, as the join limit counts it (the proxy's, unless forwarding is trusted). */
    static String client(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
