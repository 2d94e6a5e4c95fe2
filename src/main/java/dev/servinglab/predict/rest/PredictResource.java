package dev.servinglab.predict.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.PredictConfig;
import dev.servinglab.predict.service.BatchPredictResponse;
import dev.servinglab.predict.service.PipelineTrace;
import dev.servinglab.predict.service.PredictResponse;
import dev.servinglab.predict.service.PredictionMetrics;
import dev.servinglab.predict.service.PredictionPipeline;
import dev.servinglab.predict.service.RecordingTrace;
import dev.servinglab.predict.service.TraceResponse;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.ProblemDetail;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
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
 */
@Path("/api/v1/predict")
@Tag(name = "Predict", description = "Ask a model which iris species a flower is")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "400",
        description = "The body is not JSON, or not a JSON object",
        content =
                @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(
        responseCode = "404",
        description = "No model has the name given in `model`",
        content =
                @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(
        responseCode = "413",
        description = "The body is larger than the server accepts",
        content =
                @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(
        responseCode = "415",
        description = "The body is not sent as application/json",
        content =
                @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(
        responseCode = "422",
        description = "A field is missing, unknown, not a number or out of range; "
                + "`errors` names each field and the rule it broke",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples =
                                @ExampleObject(
                                        name = "invalid",
                                        value =
                                                "{\"type\":\"/problems/invalid-input\","
                                                        + "\"title\":\"Invalid input\",\"status\":422,\"detail\":\"3 fields break the API's rules\","
                                                        + "\"instance\":\"/api/v1/predict\",\"errors\":["
                                                        + "{\"field\":\"sepal_length\",\"rule\":\"minimum\",\"message\":\"must be greater than 0 (cm)\"},"
                                                        + "{\"field\":\"sepal_width\",\"rule\":\"type\",\"message\":\"must be a number, not a string\"},"
                                                        + "{\"field\":\"petal_width\",\"rule\":\"required\",\"message\":\"is required (a number in cm)\"}]}")))
public class PredictResource {

    private static final String MODEL_DESCRIPTION = "Which model answers: `mlp` (default) or `logreg`, or a "
            + "promoted training run. See GET /api/v1/models.";

    private final ModelRegistry models;
    private final PredictionPipeline pipeline;
    private final PredictionMetrics metrics;
    private final PredictConfig config;
    private final ObjectMapper json;

    PredictResource(
            ModelRegistry models,
            PredictionPipeline pipeline,
            PredictionMetrics metrics,
            PredictConfig config,
            ObjectMapper json) {
        this.models = models;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
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
                                        name = "setosa",
                                        summary = "A setosa (the default example)",
                                        value = ApiExamples.SETOSA),
                                @ExampleObject(
                                        name = "virginica",
                                        summary = "A virginica",
                                        value = ApiExamples.VIRGINICA),
                                @ExampleObject(
                                        name = "drift",
                                        summary = "Petal longer than any in training: served with a warning",
                                        value = ApiExamples.DRIFT),
                                @ExampleObject(
                                        name = "invalid",
                                        summary = "Invalid: answered with 422 and every broken rule",
                                        value = ApiExamples.INVALID)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The prediction",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictResponse.class),
                            examples =
                                    @ExampleObject(
                                            name = "setosa",
                                            value = "{\"predicted_class\":\"setosa\","
                                                    + "\"probabilities\":{\"setosa\":0.97,\"versicolor\":0.02,\"virginica\":0.01},"
                                                    + "\"model\":\"mlp\",\"model_version\":\"1\"}")))
    public PredictResponse predict(
            @Parameter(description = MODEL_DESCRIPTION) @QueryParam("model") String model, byte[] body) {
        return measured("predict", model, served -> pipeline.run(body, served, false, PipelineTrace.OFF));
    }

    @POST
    @Path("/batch")
    @NonBlocking
    @Operation(
            summary = "Predict the species of several flowers",
            description = "Runs the same pipeline on every instance and answers in request order. A batch holds "
                    + "1 to `serving-lab.predict.max-batch-size` instances (default 1,000); every broken rule is "
                    + "reported with its path, such as `instances[2].petal_width`.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchPredictRequest.class),
                            examples = @ExampleObject(name = "three flowers", value = ApiExamples.BATCH)))
    @APIResponse(
            responseCode = "200",
            description = "One prediction per instance",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchPredictResponse.class),
                            examples =
                                    @ExampleObject(
                                            name = "two flowers",
                                            value =
                                                    "{\"model\":\"mlp\",\"model_version\":\"1\","
                                                            + "\"predictions\":[{\"predicted_class\":\"setosa\",\"probabilities\":{\"setosa\":0.97,"
                                                            + "\"versicolor\":0.02,\"virginica\":0.01}},{\"predicted_class\":\"virginica\","
                                                            + "\"probabilities\":{\"setosa\":0.0,\"versicolor\":0.01,\"virginica\":0.99}}]}")))
    public BatchPredictResponse batch(
            @Parameter(description = MODEL_DESCRIPTION) @QueryParam("model") String model, byte[] body) {
        return measured("batch", model, served -> pipeline.runBatch(body, served, config.maxBatchSize()));
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
                            examples = @ExampleObject(name = "setosa", value = ApiExamples.SETOSA)))
    @APIResponse(
            responseCode = "200",
            description = "The prediction and its four stages",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TraceResponse.class),
                            examples =
                                    @ExampleObject(
                                            name = "setosa (stages shortened)",
                                            value =
                                                    "{\"prediction\":"
                                                            + "{\"predicted_class\":\"setosa\",\"probabilities\":{\"setosa\":0.97,\"versicolor\":0.02,"
                                                            + "\"virginica\":0.01},\"model\":\"mlp\",\"model_version\":\"1\"},\"stages\":[{\"name\":"
                                                            + "\"scale\",\"operation\":\"Standardise every feature …\",\"input_shape\":\"1 × 4\","
                                                            + "\"output_shape\":\"1 × 4\",\"input\":[[5.1,3.5,1.4,0.2]],\"output\":[[-0.91,0.94,-1.35,"
                                                            + "-1.28]],\"parameters\":{\"mean\":[5.83,3.08,3.74,1.18],\"std\":[0.81,0.45,1.73,0.76]},"
                                                            + "\"duration_ns\":1200}],\"total_duration_ns\":9800,\"scaling_skipped\":false}")))
    public TraceResponse trace(
            @Parameter(description = MODEL_DESCRIPTION) @QueryParam("model") String model,
            @Parameter(description = "Teaching mode: skip the scale stage and see the answer go wrong")
                    @Schema(enumeration = {"true", "false"})
                    @QueryParam("skip_scaling")
                    @DefaultValue("false")
                    String skipScaling,
            byte[] body) {
        return measured("trace", model, served -> {
            boolean skip = switch (skipScaling) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidInputException("skip_scaling", "type", "must be true or false");
            };
            RecordingTrace trace = new RecordingTrace(json);
            return trace.response(pipeline.run(body, served, skip, trace), skip);
        });
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
     * Returns the model tag of a refused request: a served model's name, else a fixed word, so that names made
     * up by clients cannot create unbounded metric series.
     */
    private String modelTag(String requested) {
        return models.find(requested).map(this::modelTag).orElse("unknown");
    }

    /**
     * Returns the model tag of a served model: its name for a built-in one, {@code promoted} for a promoted
     * training run, whose names come and go.
     */
    private String modelTag(ServedModel served) {
        return models.isBuiltIn(served.name()) ? served.name() : "promoted";
    }
}
