package dev.servinglab.predict.rest;

import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.ExampleRequests;
import dev.servinglab.predict.rollout.service.DeploymentPredictor;
import dev.servinglab.predict.rollout.service.Deployments;
import dev.servinglab.predict.service.BatchPredictResponse;
import dev.servinglab.predict.service.PipelineTrace;
import dev.servinglab.predict.service.PredictLimits;
import dev.servinglab.predict.service.PredictResponse;
import dev.servinglab.predict.service.PredictionMetrics;
import dev.servinglab.predict.service.PredictionPipeline;
import dev.servinglab.predict.service.TraceResponse;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves predictions of the iris models as JSON: one flower, a batch, or one flower with every stage traced.
 *
 * <p>The request examples are the flowers of {@link IrisExamples} and the {@link ExampleRequests}; the OpenAPI
 * document gets the answers shown beside them from {@link PredictAnswersFilter}, and the configured limits and the
 * data set's bounds from {@link PredictRulesFilter}.
 */
@Path(PredictResource.PATH)
@Tag(name = "Predict", description = "Ask a model which iris species a flower is")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "The body is not JSON, or not a JSON object")
@APIResponse(responseCode = "404", description = "No model has the name given in `model`")
@APIResponse(responseCode = "413", description = "The body is larger than the server accepts")
@APIResponse(responseCode = "415", description = "The body is not sent as application/json")
@APIResponse(
        responseCode = "422",
        description = "A field is missing, unknown, not a number or out of range; `errors` names each field and the "
                + "rule it broke")
public class PredictResource {

    /** The path of the predict API. */
    static final String PATH = "/api/v1/predict";

    private static final String MODEL_DESCRIPTION = "Which model answers, by name: a model trained at startup or a "
            + "promoted training run (GET /api/v1/models lists them). Absent: the shared iris deployment answers, "
            + "which is the configured default model unless a rollout (GET /api/v1/deployments/iris) says otherwise; "
            + "the answer's `model` and `model_version` tell which version it was.";

    private final ModelRegistry models;
    private final PredictionPipeline pipeline;
    private final PredictionMetrics metrics;
    private final PredictLimits limits;
    private final Deployments deployments;
    private final DeploymentPredictor predictor;

    PredictResource(
            ModelRegistry models,
            PredictionPipeline pipeline,
            PredictionMetrics metrics,
            PredictLimits limits,
            Deployments deployments,
            DeploymentPredictor predictor) {
        this.models = models;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.limits = limits;
        this.deployments = deployments;
        this.predictor = predictor;
    }

    @POST
    @NonBlocking
    @Operation(
            summary = "Predict the species of one flower",
            description = "Parses the four measurements, scales them with the training split's mean and standard "
                    + "deviation, runs the model and answers with the most likely species and every species' "
                    + "probability. A measurement outside the range seen in training is still served, with a "
                    + "`warnings` entry: the model is extrapolating.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = PredictAnswersFilter.SETOSA,
                                        summary = "A setosa (the default example)",
                                        value = IrisExamples.SETOSA),
                                @ExampleObject(
                                        name = PredictAnswersFilter.VIRGINICA,
                                        summary = "A virginica",
                                        value = IrisExamples.VIRGINICA),
                                @ExampleObject(
                                        name = PredictAnswersFilter.DRIFT,
                                        summary = "Petal longer than any in training: served with a warning",
                                        value = ExampleRequests.DRIFT),
                                @ExampleObject(
                                        name = "invalid",
                                        summary = "Invalid: answered with 422 and every broken rule",
                                        value = ExampleRequests.INVALID)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The prediction",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictResponse.class)))
    public PredictResponse predict(
            @Parameter(description = MODEL_DESCRIPTION) @QueryParam("model") String model, byte[] body) {
        if (model == null || model.isEmpty()) {
            return measuredShared(
                    "predict", () -> predictor.predict(deployments.shared(), body), PredictResponse::model);
        }
        return measured("predict", model, served -> pipeline.run(body, served, false, PipelineTrace.OFF));
    }

    @POST
    @Path("/batch")
    @NonBlocking
    @Operation(
            summary = "Predict the species of several flowers",
            description = "Runs the same pipeline on every instance and answers in request order. A batch holds "
                    + "1 to `serving-lab.predict.max-batch-size` instances; every broken rule is reported with its "
                    + "path, such as `instances[2].petal_width`.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchPredictRequest.class),
                            examples =
                                    @ExampleObject(name = PredictAnswersFilter.BATCH, value = ExampleRequests.BATCH)))
    @APIResponse(
            responseCode = "200",
            description = "One prediction per instance",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchPredictResponse.class)))
    public BatchPredictResponse batch(
            @Parameter(description = MODEL_DESCRIPTION) @QueryParam("model") String model, byte[] body) {
        if (model == null || model.isEmpty()) {
            return measuredShared(
                    "batch",
                    () -> predictor.batch(deployments.shared(), body, limits.maxBatchSize()),
                    BatchPredictResponse::model);
        }
        return measured("batch", model, served -> pipeline.runBatch(body, served, limits.maxBatchSize()));
    }

    @POST
    @Path("/trace")
    @NonBlocking
    @Operation(
            summary = "Predict one flower and show every stage",
            description = "Runs exactly the code of POST /api/v1/predict and records each stage — parse, scale, "
                    + "predict, respond — with its input and output shapes and values, its parameters (the "
                    + "scaler's mean and std, the model's hyperparameters) and its duration in nanoseconds. "
                    + "With `skip_scaling=true` the scale stage passes the raw measurements through, to show "
                    + "what a training/serving mismatch does to the answer.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictRequest.class),
                            examples = @ExampleObject(name = PredictAnswersFilter.SETOSA, value = IrisExamples.SETOSA)))
    @APIResponse(
            responseCode = "200",
            description = "The prediction and its four stages",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TraceResponse.class)))
    public TraceResponse trace(
            @Parameter(description = MODEL_DESCRIPTION) @QueryParam("model") String model,
            @Parameter(description = "Teaching mode: skip the scale stage and see the answer go wrong")
                    @Schema(enumeration = {"true", "false"})
                    @QueryParam("skip_scaling")
                    @DefaultValue("false")
                    String skipScaling,
            byte[] body) {
        return measured(
                "trace", model, served -> pipeline.trace(body, served, PredictionPipeline.skipScaling(skipScaling)));
    }

    /**
     * Runs one request against the model it names and records its latency, whether it is served or refused.
     */
    private <T> T measured(String endpoint, String model, Function<ServedModel, T> work) {
        long start = System.nanoTime();
        try {
            ServedModel served = models.require(model);
            T answer = work.apply(served);
            metrics.record(endpoint, modelTag(served), PredictionMetrics.SERVED, System.nanoTime() - start);
            return answer;
        } catch (RuntimeException e) {
            metrics.record(endpoint, modelTag(model), PredictionMetrics.REJECTED, System.nanoTime() - start);
            throw e;
        }
    }

    /**
     * Runs one request through the shared deployment, which picks the version, and records its latency under the
     * version that answered (the current one for a refused request).
     */
    private <T> T measuredShared(String endpoint, Supplier<T> work, Function<T, String> answeredBy) {
        long start = System.nanoTime();
        try {
            T answer = work.get();
            metrics.record(
                    endpoint, modelTag(answeredBy.apply(answer)), PredictionMetrics.SERVED, System.nanoTime() - start);
            return answer;
        } catch (RuntimeException e) {
            metrics.record(
                    endpoint,
                    modelTag(deployments.shared().current()),
                    PredictionMetrics.REJECTED,
                    System.nanoTime() - start);
            throw e;
        }
    }

    /**
     * Returns the model tag of a refused request: a served model's name, else a fixed word, so that names made
     * up by clients cannot create unbounded metric series.
     */
    private String modelTag(String requested) {
        // Memory only: a refusal must not cost a lookup in the store of promoted models.
        return models.held(requested).map(this::modelTag).orElse("unknown");
    }

    /**
     * Returns the model tag of a served model: its name for a built-in one, {@code promoted} for a promoted
     * training run, whose names come and go.
     */
    private String modelTag(ServedModel served) {
        return models.isBuiltIn(served.name()) ? served.name() : "promoted";
    }
}
