package dev.servinglab.workshop.rest;

import dev.servinglab.web.http.StrictJsonReader;
import dev.servinglab.web.problem.ResourceNotFoundException;
import dev.servinglab.workshop.WorkshopConfig;
import dev.servinglab.workshop.service.ClassHistory;
import dev.servinglab.workshop.service.ClassStreams;
import dev.servinglab.workshop.service.DashboardView;
import dev.servinglab.workshop.service.WorkshopExport;
import dev.servinglab.workshop.service.WorkshopService;
import dev.servinglab.workshop.service.WorkshopView;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.vertx.core.http.HttpServerResponse;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
 * Serves the instructor's side of workshop mode as JSON: create a workshop, watch the class live, release
 * lessons and answers, push a section to follow, present and reveal, export, close, delete. Every operation but
 * creation needs the instructor's secret: {@code Authorization: Bearer <secret>}, or the cookie that the
 * instructor link sets.
 */
@Path("/api/v1/workshops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops", description = "Run a live class: for instructors, with the workshop's secret")
public class WorkshopResource {

    private static final String CODE = "The workshop's join code";
    private static final String NEEDS_SECRET = "No instructor secret (401), or not this workshop's (403)";

    private final WorkshopService workshops;
    private final InstructorAccess access;
    private final ClassStreams streams;
    private final ClassHistory history;
    private final WorkshopExport export;
    private final WorkshopConfig config;

    WorkshopResource(
            WorkshopService workshops,
            InstructorAccess access,
            ClassStreams streams,
            ClassHistory history,
            WorkshopExport export,
            WorkshopConfig config) {
        this.workshops = workshops;
        this.access = access;
        this.streams = streams;
        this.history = history;
        this.export = export;
        this.config = config;
    }

    /**
     * Holds a new workshop with its instructor's secret, shown this once.
     *
     * @param workshop      the workshop
     * @param secret        the instructor's secret: keep it, it is stored as a hash only
     * @param instructorUrl the instructor's link, carrying the secret
     * @param joinUrl       the link learners open to join
     * @param qrUrl         the join link as a QR code (SVG)
     */
    @Schema(name = "CreatedWorkshop")
    public record Created(WorkshopView workshop, String secret, URI instructorUrl, URI joinUrl, URI qrUrl) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Create a workshop",
            description = "Takes a title and the lessons in play (all of them when none is named), and whether "
                    + "lessons and quiz answers start held back. Answers with the join code, the join link and "
                    + "its QR code, and the instructor's secret, which is shown this once and stored as a hash.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.NewWorkshop.class),
                            examples =
                                    @ExampleObject(
                                            name = "two lessons, answers held",
                                            value = "{\"title\": \"Serving models, Tuesday group\", \"lessons\": "
                                                    + "[\"01-what-serving-means\", \"03-measuring-latency\"], "
                                                    + "\"hold_answers\": true}")))
    @APIResponse(
            responseCode = "201",
            description = "The workshop, with its secret",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "422", description = "No title, or a lesson this course does not have")
    public Response create(
            @Valid @NotNull(message = "is required: an object with a title") WorkshopRequests.NewWorkshop request,
            @Context UriInfo uri) {
        WorkshopService.Created created = workshops.create(
                request.title(),
                request.lessons(),
                Boolean.TRUE.equals(request.holdLessons()),
                Boolean.TRUE.equals(request.holdAnswers()));
        String code = created.workshop().code();
        WorkshopLinks links = WorkshopLinks.of(config, uri.getBaseUri(), code);
        return Response.created(links.api())
                .cookie(WorkshopCookies.instructor(code, created.secret(), config))
                .entity(new Created(
                        created.workshop(),
                        created.secret(),
                        links.instructor(created.secret()),
                        links.join(),
                        links.qr()))
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(
            summary = "Show a workshop",
            description = "The workshop's title, lessons in play, what is released, " + "followed and presented.")
    @APIResponse(
            responseCode = "200",
            description = "The workshop",
            content = @Content(schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No workshop has this code")
    public WorkshopView workshop(
            @Parameter(description = CODE) @PathParam("code") String code, @Context HttpHeaders headers) {
        access.authorise(code, headers);
        return workshops.find(code);
    }

    @GET
    @Path("/{code}/dashboard")
    @Operation(
            summary = "Show the class now",
            description = "Who has joined, progress per lesson, per question the answers of the class (first "
                    + "tries) with % right and the most chosen wrong answer, exercises, the training "
                    + "leaderboard and the class load test. `seq`: every report numbered up to it is included.")
    @APIResponse(
            responseCode = "200",
            description = "The dashboard",
            content = @Content(schema = @Schema(implementation = DashboardView.class)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No workshop has this code")
    public DashboardView dashboard(
            @Parameter(description = CODE) @PathParam("code") String code, @Context HttpHeaders headers) {
        return streams.dashboard(access.authorise(code, headers));
    }

    @GET
    @Path("/{code}/dashboard/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Watch the class live (Server-Sent Events)",
            description = "A `dashboard` event at once, then another whenever the class has reported something "
                    + "(gathered over a fraction of a second) and every few seconds for the load timeline; data: "
                    + "the dashboard, as GET /dashboard. A `deleted` event ends the stream when the workshop is "
                    + "deleted.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No workshop has this code")
    public void dashboardEvents(
            @Parameter(description = CODE) @PathParam("code") String code,
            @Context HttpHeaders headers,
            @Context SseEventSink sink,
            @Context HttpServerResponse response) {
        streams.watchDashboard(access.authorise(code, headers), new SseSubscriber(sink, response));
    }

    @GET
    @Path("/{code}/trainings/{run}/curves")
    @Operation(
            summary = "Show a class run's curves",
            description = "The per-epoch losses and accuracies of a training run the class reported.")
    @APIResponse(
            responseCode = "200",
            description = "The curves, one object per epoch",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No such workshop, or no such run reported in it")
    public String curves(
            @Parameter(description = CODE) @PathParam("code") String code,
            @Parameter(description = "The run's id") @PathParam("run") String run,
            @Context HttpHeaders headers) {
        String curves = history.curves(access.authorise(code, headers), run);
        if (curves == null) {
            throw new ResourceNotFoundException("no run '" + run + "' was reported in this workshop");
        }
        return curves;
    }

    @PUT
    @Path("/{code}/lessons/{lesson}")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Release or hold a lesson",
            description = "Whether learners may open a lesson in play, and whether its quiz gives feedback (when "
                    + "the workshop holds answers). Learners' pages hear of it at once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.Release.class),
                            examples =
                                    @ExampleObject(
                                            name = "open, answers still held",
                                            value = "{\"released\": true, \"answers_released\": false}")))
    @APIResponse(
            responseCode = "200",
            description = "The workshop",
            content = @Content(schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No such workshop, or the lesson is not in play")
    @APIResponse(responseCode = "422", description = "A field missing")
    public WorkshopView release(
            @Parameter(description = CODE) @PathParam("code") String code,
            @Parameter(description = "The lesson's slug") @PathParam("lesson") String lesson,
            @Valid @NotNull(message = "is required") WorkshopRequests.Release request,
            @Context HttpHeaders headers) {
        long id = access.authorise(code, headers);
        return workshops.release(id, lesson, request.released(), request.answersReleased());
    }

    @PUT
    @Path("/{code}/follow")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Ask the class to follow a section",
            description = "Learners' pages offer to jump to the section; a null lesson stops asking.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.Follow.class),
                            examples =
                                    @ExampleObject(
                                            name = "a section",
                                            value = "{\"lesson\": \"03-measuring-latency\", "
                                                    + "\"section\": \"percentiles\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The workshop",
            content = @Content(schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "422", description = "Not a lesson in play, or not one of its sections")
    public WorkshopView follow(
            @Parameter(description = CODE) @PathParam("code") String code,
            @Valid @NotNull(message = "is required") WorkshopRequests.Follow request,
            @Context HttpHeaders headers) {
        return workshops.follow(access.authorise(code, headers), request.lesson(), request.section());
    }

    @PUT
    @Path("/{code}/presenter")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Choose what the projector shows",
            description = "A question (`quiz/question`), a section (`lesson#section`) or a lesson, and whether the "
                    + "class's results for it are revealed; the presenter view follows at once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkshopRequests.Presenter.class),
                            examples =
                                    @ExampleObject(
                                            name = "a question, results hidden",
                                            value = "{\"target\": \"03-measuring-latency/p99-meaning\", "
                                                    + "\"revealed\": false}")))
    @APIResponse(
            responseCode = "200",
            description = "The workshop",
            content = @Content(schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "422", description = "Not a question, section or lesson in play")
    public WorkshopView present(
            @Parameter(description = CODE) @PathParam("code") String code,
            @Valid @NotNull(message = "is required") WorkshopRequests.Presenter request,
            @Context HttpHeaders headers) {
        return workshops.present(access.authorise(code, headers), request.target(), request.revealed());
    }

    @POST
    @Path("/{code}/close")
    @Operation(
            summary = "Close a workshop",
            description = "No more joins or reports; the results stay for the instructor until deleted.")
    @APIResponse(
            responseCode = "200",
            description = "The closed workshop",
            content = @Content(schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No workshop has this code")
    public WorkshopView close(
            @Parameter(description = CODE) @PathParam("code") String code, @Context HttpHeaders headers) {
        return workshops.close(access.authorise(code, headers));
    }

    @DELETE
    @Path("/{code}")
    @Operation(
            summary = "Delete a workshop with all its data",
            description = "Deletes the workshop, its learners and everything they reported. It cannot be undone.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No workshop has this code")
    public Response delete(
            @Parameter(description = CODE) @PathParam("code") String code, @Context HttpHeaders headers) {
        workshops.delete(access.authorise(code, headers));
        return Response.noContent().build();
    }

    @GET
    @Path("/{code}/export.csv")
    @Produces("text/csv")
    @Operation(
            summary = "Export the answers as CSV",
            description = "One row per learner and question answered: the first answer, whether it was right, "
                    + "when, how many tries, and whether the last try was right. Cells a spreadsheet would run as "
                    + "a formula start with an apostrophe.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No workshop has this code")
    public Response exportCsv(
            @Parameter(description = CODE) @PathParam("code") String code, @Context HttpHeaders headers) {
        long id = access.authorise(code, headers);
        return Response.ok(export.csv(id))
                .type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"workshop-" + code + ".csv\"")
                .build();
    }

    @GET
    @Path("/{code}/export.json")
    @Operation(
            summary = "Export everything as JSON",
            description = "The workshop, its learners and every report stored: progress, every quiz attempt, "
                    + "exercises, training runs with their curves, latency runs.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content = @Content(schema = @Schema(implementation = WorkshopExport.Everything.class)))
    @APIResponse(responseCode = "401", description = NEEDS_SECRET)
    @APIResponse(responseCode = "404", description = "No workshop has this code")
    public Response exportJson(
            @Parameter(description = CODE) @PathParam("code") String code, @Context HttpHeaders headers) {
        long id = access.authorise(code, headers);
        return Response.ok(export.everything(id))
                .header("Content-Disposition", "attachment; filename=\"workshop-" + code + ".json\"")
                .build();
    }
}
