package dev.servinglab.predict.rollout.rest;

import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.predict.rest.PredictRequest;
import dev.servinglab.predict.rollout.service.AlertReport;
import dev.servinglab.predict.rollout.service.DeploymentFigures;
import dev.servinglab.predict.rollout.service.DeploymentPredictor;
import dev.servinglab.predict.rollout.service.Deployments;
import dev.servinglab.predict.rollout.service.DriftReport;
import dev.servinglab.predict.service.PredictResponse;
import dev.servinglab.web.http.StrictJsonReader;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rolls out model versions the way KServe does: a canary answers a share of a deployment's requests, a shadow gets
 * a copy of every request and is compared, never returned; one call promotes the candidate or rolls it back.
 */
@Path(DeploymentResource.PATH)
@Tag(name = "Rollouts", description = "Canary and shadow versions beside the current one, with live figures")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No deployment has that name")
public class DeploymentResource {

    static final String PATH = "/api/v1/deployments";
    private static final String NAME = "The deployment: `iris` is the shared one behind POST /api/v1/predict; "
            + "a name from POST /api/v1/deployments is one of your own";

    private final Deployments deployments;
    private final DeploymentPredictor predictor;

    DeploymentResource(Deployments deployments, DeploymentPredictor predictor) {
        this.deployments = deployments;
        this.predictor = predictor;
    }

    @POST
    @NonBlocking
    @Operation(
            summary = "Make a deployment of your own",
            description = "Serves the default model under a new name nobody can guess, with its own rollouts and "
                    + "figures, so that trying a canary does not change anyone else's answers. The server keeps a "
                    + "bounded number: the one used longest ago makes way.")
    @APIResponse(responseCode = "201", description = "The new deployment")
    public Response create() {
        DeploymentFigures figures = deployments.create().figures();
        return Response.created(URI.create(PATH + "/" + figures.name()))
                .entity(view(figures))
                .build();
    }

    @GET
    @Path("/{name}")
    @NonBlocking
    @Operation(
            summary = "Show a deployment and its live figures",
            description = "The current version, the rollout in progress, and per version: requests, errors, error "
                    + "rate, p50 and p99 latency; for a shadow, its agreement with the current version and the "
                    + "confusion matrix between the two.")
    @APIResponse(responseCode = "200", description = "The deployment")
    public DeploymentView show(@Parameter(description = NAME) @PathParam("name") String name) {
        return view(deployments.figures(name));
    }

    @PUT
    @Path("/{name}/rollout")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Start a canary or a shadow",
            description = "Puts a served model (a promoted training run, or the other built-in model) beside the "
                    + "current version, replacing any rollout in progress. A canary answers `percent` of the "
                    + "requests, chosen by each request's bytes, so the same request always meets the same version. "
                    + "A shadow answers a copy of every request after the current version has answered.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RolloutRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "canary",
                                        summary = "The logistic regression answers 20 % of the requests",
                                        value = "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":20}"),
                                @ExampleObject(
                                        name = "shadow",
                                        summary = "The logistic regression answers a copy of every request",
                                        value = "{\"candidate\":\"logreg\",\"mode\":\"shadow\"}")
                            }))
    @APIResponse(responseCode = "200", description = "The deployment with its new rollout")
    @APIResponse(responseCode = "403", description = "The shared deployment is locked on this server")
    @APIResponse(responseCode = "422", description = "A field breaks its rule: `errors` names it")
    public DeploymentView start(
            @Parameter(description = NAME) @PathParam("name") String name,
            @Valid @NotNull(message = "is required: an object with a candidate and a mode") RolloutRequest request) {
        return view(deployments.start(name, request.candidate(), request.mode(), request.percent()));
    }

    @DELETE
    @Path("/{name}/rollout")
    @NonBlocking
    @Operation(
            summary = "Roll back",
            description = "Ends the rollout at once: from the next request on, the current version answers "
                    + "everything. Requests already given to the candidate finish; none is lost.")
    @APIResponse(responseCode = "200", description = "The deployment without a rollout")
    @APIResponse(responseCode = "403", description = "The shared deployment is locked on this server")
    public DeploymentView rollBack(@Parameter(description = NAME) @PathParam("name") String name) {
        return view(deployments.rollBack(name));
    }

    @POST
    @Path("/{name}/promotion")
    @NonBlocking
    @Operation(
            summary = "Promote the candidate",
            description = "Makes the candidate the current version, with the figures it gathered on trial.")
    @APIResponse(responseCode = "200", description = "The deployment with its new current version")
    @APIResponse(responseCode = "403", description = "The shared deployment is locked on this server")
    @APIResponse(responseCode = "409", description = "No rollout is in progress")
    public DeploymentView promote(@Parameter(description = NAME) @PathParam("name") String name) {
        return view(deployments.promote(name));
    }

    @DELETE
    @Path("/{name}/current")
    @NonBlocking
    @Operation(
            summary = "Serve the default model again",
            description = "Ends any rollout and makes the server's default model the current version again, with "
                    + "fresh figures. The default model is never removed, so this always works.")
    @APIResponse(responseCode = "200", description = "The deployment serving the default model")
    @APIResponse(responseCode = "403", description = "The shared deployment is locked on this server")
    public DeploymentView restoreDefault(@Parameter(description = NAME) @PathParam("name") String name) {
        return view(deployments.restoreDefault(name));
    }

    @GET
    @Path("/{name}/drift")
    @NonBlocking
    @Operation(
            summary = "Compare recent requests with the training rows",
            description = "Over the deployment's window of recent requests, per feature: the population stability "
                    + "index (PSI) over the training rows' quintiles, beside the PSI that noise alone gives samples "
                    + "of these sizes, graded by what is above that noise: stable (< 0.1), moderate (< 0.25) or "
                    + "drifted; the two-sample Kolmogorov-Smirnov statistic and its p-value; both distributions "
                    + "by bin; and the species mix of recent answers beside the training labels'. A live API has "
                    + "no labels: this is what can be watched before any accuracy can.")
    @APIResponse(responseCode = "200", description = "The comparison")
    public DriftReport drift(@Parameter(description = NAME) @PathParam("name") String name) {
        return deployments.require(name).drift();
    }

    @GET
    @Path("/{name}/alerts")
    @NonBlocking
    @Operation(
            summary = "Evaluate the alerts",
            description = "Evaluates the p99-latency and error-rate rules over their window of time, now: each "
                    + "alert's value, threshold and state (firing, ok, or too few requests to say).")
    @APIResponse(responseCode = "200", description = "The alerts")
    public AlertReport alerts(@Parameter(description = NAME) @PathParam("name") String name) {
        return deployments.require(name).alerts();
    }

    @PUT
    @Path("/{name}/alerts")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Set the alert rules",
            description = "Replaces the thresholds and the window; answers "
                    + "with the alerts evaluated under the new rules.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AlertRulesRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "strict",
                                            summary = "Fire above a 2 ms p99 or 5 % errors over the last minute",
                                            value = "{\"p99_ms\":2,\"error_rate\":0.05,\"window_seconds\":60}")))
    @APIResponse(responseCode = "200", description = "The alerts under the new rules")
    @APIResponse(responseCode = "403", description = "The shared deployment is locked on this server")
    @APIResponse(responseCode = "422", description = "A field breaks its rule: `errors` names it")
    public AlertReport setAlerts(
            @Parameter(description = NAME) @PathParam("name") String name,
            @Valid @NotNull(message = "is required: an object with p99_ms, error_rate and window_seconds")
                    AlertRulesRequest rules) {
        return deployments.alerts(name, rules.p99Ms(), rules.errorRate(), rules.windowSeconds());
    }

    @POST
    @Path("/{name}/predict")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Predict one flower through a deployment",
            description = "Like POST /api/v1/predict, through this deployment's rollout: `model` and "
                    + "`model_version` in the answer tell which version answered.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictRequest.class),
                            examples =
                                    @ExampleObject(name = "setosa", summary = "A setosa", value = IrisExamples.SETOSA)))
    @APIResponse(responseCode = "200", description = "The prediction")
    @APIResponse(responseCode = "422", description = "A field breaks its rule: `errors` names it")
    public PredictResponse predict(@Parameter(description = NAME) @PathParam("name") String name, byte[] body) {
        return predictor.predict(deployments.require(name), body);
    }

    private static DeploymentView view(DeploymentFigures figures) {
        return DeploymentView.of(figures, PATH + "/" + figures.name() + "/predict");
    }
}
