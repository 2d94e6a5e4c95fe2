package dev.servinglab.training.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.model.service.StopCause;
import dev.servinglab.training.service.Promotion;
import dev.servinglab.training.service.TrainingPresets;
import dev.servinglab.training.service.TrainingRun;
import dev.servinglab.training.service.TrainingService;
import dev.servinglab.web.http.StrictJsonReader;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Trains multilayer perceptrons for learners: start a run, follow it epoch by epoch as Server-Sent Events, read
 * its history, and promote it to a served model that the predict API answers with.
 */
@Path("/api/v1/trainings")
@Tag(name = "Training", description = "Train a model yourself, watch it learn, then serve it")
@APIResponse(
        responseCode = "404",
        description = "No run has that id (or it has been forgotten: the server keeps the most recent runs)")
public class TrainingResource {

    private static final String EVENTS_EXAMPLE = "event: epoch\nid: 1\ndata: {\"epoch\":1,\"train_loss\":1.052,"
            + "\"train_accuracy\":0.56,\"validation_loss\":1.041,\"validation_accuracy\":0.6,\"elapsed_ms\":0.9,"
            + "\"observation\":\"Starting point: …\"}\n\n"
            + "event: summary\nid: summary\ndata: {\"status\":\"completed\",\"stop\":\"epochs\", …}\n\n";

    private final TrainingService trainings;

    TrainingResource(TrainingService trainings) {
        this.trainings = trainings;
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a training run",
            description = "Splits the data set with the seed (stratified: 20 % test, `validation_fraction` for "
                    + "validation, the rest for training), fits the scaler on the training rows and trains a "
                    + "one-hidden-layer MLP with Smile, epoch by epoch, on a training thread of its own. Answers at "
                    + "once with the run's id; follow it at `links.events`. A few runs train at once (the "
                    + "number of cores by default); beyond that the answer is 429 with Retry-After.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = TrainingRequestSchema.NAME),
                            examples = {
                                @ExampleObject(
                                        name = "iris",
                                        summary = "Iris at full speed (every field is optional)",
                                        value = TrainingPresets.STANDARD),
                                @ExampleObject(
                                        name = "overfitting",
                                        summary = "Small data, a large network, many epochs",
                                        value = TrainingPresets.OVERFITTING),
                                @ExampleObject(
                                        name = "early stopping",
                                        summary = "The same, stopped when validation loss stops improving",
                                        value = TrainingPresets.EARLY_STOPPING),
                                @ExampleObject(
                                        name = "breast cancer",
                                        summary = "30 features, two classes",
                                        value = TrainingPresets.BREAST_CANCER),
                                @ExampleObject(
                                        name = "invalid",
                                        summary = "Invalid: 422 names every field and rule",
                                        value = "{\"hidden_units\":0,\"activation\":\"softmax\",\"learning_rate\":2}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "The run has started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(
            responseCode = "422",
            description = "A hyperparameter is of the wrong type or out of range, or "
                    + "unknown; `errors` names each field and rule")
    @APIResponse(
            responseCode = "429",
            description = "Every training slot is busy; the Retry-After header says when to try again, in seconds")
    public Response start(JsonNode body) {
        TrainingRun run = trainings.start(trainings.reader().read(body));
        return Response.created(URI.create("/api/v1/trainings/" + run.id()))
                .entity(TrainingView.of(run, true))
                .build();
    }

    @GET
    @Path("/{id}")
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Show a run and its whole history",
            description = "Every epoch so far and, once the run "
                    + "has ended, its summary: test metrics, confusion matrix, why it stopped and the observations.")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrainingView.class)))
    public TrainingView show(@Parameter(description = "The run's id") @PathParam("id") String id) {
        return TrainingView.of(trainings.require(id), true);
    }

    @GET
    @Path("/{id}/events")
    @NonBlocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Follow a run epoch by epoch (Server-Sent Events)",
            description = "One `epoch` event per epoch (`id` is the epoch number; data: epoch, train and "
                    + "validation loss and accuracy, elapsed_ms, and an observation when the epoch shows "
                    + "something), then one `summary` event (status, why it stopped, test metrics and confusion "
                    + "matrix, the observations), after which the stream ends. Epochs already trained are sent "
                    + "first, so a late client misses nothing; `Last-Event-ID` resumes after that epoch. When "
                    + "every client following a run has been gone for a few seconds (`disconnect-grace`), the run "
                    + "is cancelled. A run takes a few followers at once; beyond that the answer is 429.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "stream (shortened)", value = EVENTS_EXAMPLE)))
    public void events(
            @Parameter(description = "The run's id") @PathParam("id") String id,
            @Parameter(description = "Resume after this epoch") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServerResponse response) {
        TrainingRun run = trainings.require(id);
        run.subscribe(new SinkSubscriber(sink, sse, response), resumeAfter(lastEventId));
    }

    @DELETE
    @Path("/{id}")
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Cancel a run",
            description = "Stops the run after the epoch in progress; its summary "
                    + "then says it was cancelled. A run that has ended is left as it is.")
    @APIResponse(
            responseCode = "202",
            description = "The run will stop after the epoch in progress",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The run had already ended; nothing changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrainingView.class)))
    public Response cancel(@Parameter(description = "The run's id") @PathParam("id") String id) {
        TrainingRun run = trainings.require(id);
        if (run.status() != TrainingRun.Status.RUNNING) {
            return Response.ok(TrainingView.of(run, false)).build();
        }
        run.cancel(StopCause.CANCELLED);
        return Response.accepted(TrainingView.of(run, false)).build();
    }

    @POST
    @Path("/{id}/promotion")
    // On a worker thread: a promotion writes the model to the database.
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Serve a run's model",
            description = "Puts the model of a completed run behind the same API as the built-in models: "
                    + "POST /api/v1/predict?model=<name>, the trace and the model card then accept its name. "
                    + "The answer holds a test row of the run to try. The model is stored in the database, so "
                    + "every instance of the app serves it; the database keeps a bounded number of promoted "
                    + "models: promoting one more retires the oldest (listed in `retired`).")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PromotionRequest.class),
                            examples = @ExampleObject(name = "named", value = "{\"name\":\"my-iris-model\"}")))
    @APIResponse(
            responseCode = "201",
            description = "The model is served",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Promotion.class)))
    @APIResponse(
            responseCode = "200",
            description = "The run was already promoted: where it is served",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Promotion.class)))
    @APIResponse(responseCode = "409", description = "The run is still training, was cancelled, or the name is taken")
    @APIResponse(responseCode = "422", description = "The name breaks its rule, or the body has another field")
    public Response promote(
            @Parameter(description = "The run's id") @PathParam("id") String id, @Valid PromotionRequest request) {
        TrainingRun run = trainings.require(id);
        // An empty body, or a JSON null, asks for the default name.
        Promotion promotion = trainings.promote(run, request == null ? null : request.name());
        return Response.status(promotion.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create(promotion.modelCard()))
                .entity(promotion)
                .build();
    }

    /**
     * Promotes under the default name a request that is not JSON but has no body either, such as
     * {@code curl -X POST} (no Content-Type) or a form post of nothing: the body is optional, so its type may be too.
     *
     * @throws NotSupportedException if it does have a body, which must then be JSON
     */
    @POST
    @Path("/{id}/promotion")
    // On a worker thread: a promotion writes the model to the database.
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response promoteWithoutBody(@PathParam("id") String id, byte[] body) {
        if (body != null && body.length > 0) {
            throw new NotSupportedException();
        }
        return promote(id, null);
    }

    private static int resumeAfter(String lastEventId) {
        if (lastEventId == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return 0; // not an epoch number: send the whole stream
        }
    }
}
