package dev.servinglab.workshop.rest;

import dev.servinglab.web.http.StrictJsonReader;
import dev.servinglab.workshop.service.ClassStreams;
import dev.servinglab.workshop.service.LearnerService;
import dev.servinglab.workshop.service.ReportService;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the learner's side of workshop mode as JSON: join with a code and a nickname, see and leave one's own
 * workshop, report to it. A learner is known by the cookie the join sets; they reach their own data only.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = LearnerResource.TAG, description = "Join a live class and report to it: for learners")
public class LearnerResource {

    /** The API documentation's group of learner operations. */
    static final String TAG = "Workshop learners";

    private static final String NOT_IN_ONE = "This browser is not in a workshop (401), or left it (403)";
    private static final String REPORT_LIMITS =
            "Not in a workshop (401), left it (403), the workshop is closed (409), too many reports (429)";

    private final LearnerService learners;
    private final ReportService reports;
    private final ClassStreams streams;

    LearnerResource(LearnerService learners, ReportService reports, ClassStreams streams) {
        this.learners = learners;
        this.reports = reports;
        this.streams = streams;
    }

    @GET
    @Path("/me")
    @Operation(
            summary = "Show my workshop",
            description = "This browser's learner: nickname, whether they take part, "
                    + "and their workshop (lessons released, section to follow).")
    @APIResponse(
            responseCode = "200",
            description = "The learner",
            content = @Content(schema = @Schema(implementation = LearnerService.Me.class)))
    @APIResponse(responseCode = "401", description = "This browser is not in a workshop")
    public LearnerService.Me me(@CookieParam(WorkshopCookies.LEARNER) String token) {
        return learners.me(token);
    }

    @DELETE
    @Path("/me")
    @Operation(
            summary = "Leave my workshop",
            description = "Stops reporting; what was reported stays with the instructor. Joining again from this "
                    + "browser picks up the same learner.")
    @APIResponse(
            responseCode = "200",
            description = "The learner, no longer taking part",
            content = @Content(schema = @Schema(implementation = LearnerService.Me.class)))
    @APIResponse(responseCode = "401", description = "This browser is not in a workshop")
    public LearnerService.Me leave(@CookieParam(WorkshopCookies.LEARNER) String token) {
        return learners.leave(token);
    }

    @GET
    @Path("/me/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Hear from my instructor (Server-Sent Events)",
            description = "A `workshop` event at once and whenever the instructor releases a lesson or its answers, "
                    + "pushes a section to follow or closes the workshop; data: the workshop, as GET /me shows it.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "This browser is not in a workshop")
    public void events(
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Context SseEventSink sink,
            @Context HttpServerResponse response) {
        streams.watchAsLearner(learners.workshopId(token), new SseSubscriber(sink, response));
    }

    @POST
    @Path("/me/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Report lesson progress",
            description = "That I visited or completed a lesson in play. "
                    + "Reporting a step twice records it once (`recorded` false).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.Progress.class),
                            examples =
                                    @ExampleObject(
                                            name = "completed",
                                            value = "{\"lesson\": \"01-what-serving-means\", "
                                                    + "\"state\": \"completed\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = ReportService.Ack.class)))
    @APIResponse(responseCode = "401", description = REPORT_LIMITS)
    @APIResponse(responseCode = "422", description = "Not a lesson in play, or not a state")
    public ReportService.Ack progress(
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Valid @NotNull(message = "is required") WorkshopRequests.Progress request) {
        return reports.progress(token, request.lesson(), request.state());
    }

    @POST
    @Path("/me/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Answer a quiz question in my workshop",
            description = "Grades the answer as the quiz API does, and records it for the instructor. When the "
                    + "instructor holds the lesson's answers back, the answer is recorded and `held` is true: the "
                    + "feedback comes once they are released.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.QuizAnswer.class),
                            examples =
                                    @ExampleObject(
                                            name = "a choice",
                                            value = "{\"quiz\": \"01-what-serving-means\", \"question\": "
                                                    + "\"inference\", \"answer\": {\"choices\": [0]}}")))
    @APIResponse(
            responseCode = "200",
            description = "Stored, with the grade unless held",
            content = @Content(schema = @Schema(implementation = ReportService.AnswerAck.class)))
    @APIResponse(responseCode = "401", description = REPORT_LIMITS)
    @APIResponse(responseCode = "422", description = "Not a question in play, or an answer that does not fit it")
    public ReportService.AnswerAck answer(
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Valid @NotNull(message = "is required") WorkshopRequests.QuizAnswer request) {
        return reports.answer(token, request.quiz(), request.question(), request.answer());
    }

    @POST
    @Path("/me/exercises")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report an exercise attempt",
            description = "Grades the metrics as the exercise API does and records whether all four were right.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.Exercise.class),
                            examples =
                                    @ExampleObject(
                                            name = "an attempt",
                                            value = "{\"exercise\": \"fixed-1\", \"answers\": {\"accuracy\": "
                                                    + "\"0.85\", \"precision\": \"0.80\", \"recall\": \"0.89\", "
                                                    + "\"f1\": \"0.84\"}}")))
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = ReportService.Ack.class)))
    @APIResponse(responseCode = "401", description = REPORT_LIMITS)
    @APIResponse(responseCode = "422", description = "Not an exercise, or not a metric")
    public ReportService.Ack exercise(
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Valid @NotNull(message = "is required") WorkshopRequests.Exercise request) {
        return reports.exercise(token, request.exercise(), request.answers());
    }

    @POST
    @Path("/me/trainings")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Report a finished training run",
            description = "Takes the run's id; the hyperparameters, losses, test accuracy and curves come from the "
                    + "training lab's own record. Reporting a run twice records it once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.Training.class),
                            examples = @ExampleObject(name = "a run", value = "{\"run_id\": \"5f3a9c0e2b7d4a61\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = ReportService.Ack.class)))
    @APIResponse(responseCode = "401", description = REPORT_LIMITS)
    @APIResponse(responseCode = "404", description = "No such run on this server")
    public ReportService.Ack training(
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Valid @NotNull(message = "is required") WorkshopRequests.Training request) {
        return reports.training(token, request.runId());
    }

    @POST
    @Path("/me/latency-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Report a latency-lab run",
            description = "The latency of every answered request (ms), the errors, the concurrency and the run's "
                    + "length; they join the class load test's histogram and timeline.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.LatencyRun.class),
                            examples =
                                    @ExampleObject(
                                            name = "a short run",
                                            value = "{\"latencies_ms\": [1.2, 0.9, 1.4], \"errors\": 0, "
                                                    + "\"concurrency\": 1, \"seconds\": 0.01}")))
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = ReportService.Ack.class)))
    @APIResponse(responseCode = "401", description = REPORT_LIMITS)
    @APIResponse(responseCode = "422", description = "A field missing or out of range, or too many latencies")
    public ReportService.Ack latency(
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Valid @NotNull(message = "is required") WorkshopRequests.LatencyRun request) {
        return reports.latency(
                token, request.latenciesMs(), request.errors(), request.concurrency(), request.seconds());
    }
}
