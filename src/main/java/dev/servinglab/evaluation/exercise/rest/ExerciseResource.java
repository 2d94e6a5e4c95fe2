package dev.servinglab.evaluation.exercise.rest;

import dev.servinglab.evaluation.exercise.service.Exercise;
import dev.servinglab.evaluation.exercise.service.ExerciseAnswers;
import dev.servinglab.evaluation.exercise.service.ExerciseGenerator;
import dev.servinglab.evaluation.exercise.service.ExerciseGrader;
import dev.servinglab.evaluation.exercise.service.ExerciseView;
import dev.servinglab.web.problem.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
 * Serves confusion-matrix exercises: the learner computes accuracy, precision, recall and F1, the server grades
 * them without revealing the expected values, gives hints in three tiers, and the worked solution on request.
 */
@Path("/api/v1/exercises")
@Tag(name = "Exercises", description = "Compute the metrics of a confusion matrix yourself, graded by the server")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such exercise")
public class ExerciseResource {

    @GET
    @Operation(
            summary = "List the fixed exercises",
            description = "The four exercises of the course material. "
                    + "Generated ones are reached by id (seed-N) or with GET /api/v1/exercises/{id}/next.")
    @APIResponse(
            responseCode = "200",
            description = "The exercises",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseView.class, type = SchemaType.ARRAY)))
    public List<ExerciseView> list() {
        return ExerciseGenerator.fixed().stream().map(ExerciseView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Show an exercise",
            description = "The scenario and the matrix with its axes named: "
                    + "fixed-1 … fixed-4, or seed-N for the exercise the seed N generates (the same every time).")
    @APIResponse(
            responseCode = "200",
            description = "The exercise",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseView.class)))
    public ExerciseView exercise(@PathParam("id") String id) {
        return ExerciseView.of(require(id));
    }

    @GET
    @Path("/{id}/next")
    @Operation(
            summary = "Show the next exercise",
            description = "The exercise after this one: the fixed ones in order, then generated ones.")
    @APIResponse(
            responseCode = "200",
            description = "The next exercise",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseView.class)))
    public ExerciseView next(@PathParam("id") String id) {
        require(id);
        return ExerciseView.of(require(ExerciseGenerator.next(id)));
    }

    @POST
    @Path("/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Grade my metrics",
            description = "Takes any of the four metrics (two decimals, or \"undefined\" when the formula divides "
                    + "by zero) and says for each whether it is right within ±0.01. The expected values are not "
                    + "revealed.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseAnswers.class),
                            examples =
                                    @ExampleObject(
                                            name = "fixed-4",
                                            value = "{\"accuracy\": \"0.85\", \"precision\": \"0.80\", "
                                                    + "\"recall\": \"0.89\", \"f1\": \"0.84\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The grades",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseGrader.Grade.class)))
    @APIResponse(responseCode = "422", description = "Not a metric, or not a number")
    public ExerciseGrader.Grade answers(@PathParam("id") String id, @Valid ExerciseAnswers answers) {
        return ExerciseGrader.grade(require(id), answers);
    }

    @GET
    @Path("/{id}/hints/{metric}")
    @Operation(
            summary = "Get a hint",
            description = "Level 1: the formula; 2: the cells it uses, with their "
                    + "counts; 3: the worked step, short of the final division.")
    @APIResponse(
            responseCode = "200",
            description = "The hint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseGrader.Hint.class)))
    @APIResponse(responseCode = "422", description = "Not a metric, or a level outside 1 … 3")
    public ExerciseGrader.Hint hint(
            @PathParam("id") String id,
            @PathParam("metric") String metric,
            @Parameter(description = "1 (formula), 2 (cells) or 3 (worked step)", example = "1")
                    @QueryParam("level")
                    @DefaultValue("1")
                    @Pattern(regexp = "[1-3]", message = "must be 1 (formula), 2 (cells) or 3 (worked step)")
                    String level) {
        return ExerciseGrader.hint(require(id), metric, Integer.parseInt(level));
    }

    @POST
    @Path("/{id}/solution")
    @Operation(
            summary = "Show the worked solution",
            description = "Every metric worked out, with its value: "
                    + "for a learner who has solved the exercise or gives up.")
    @APIResponse(
            responseCode = "200",
            description = "The worked solution",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseGrader.Step.class, type = SchemaType.ARRAY)))
    public List<ExerciseGrader.Step> solution(@PathParam("id") String id) {
        return ExerciseGrader.solution(require(id));
    }

    private static Exercise require(String id) {
        return ExerciseGenerator.find(id)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "no exercise '" + id + "': fixed-1 … fixed-4, or seed-N with N a whole number"));
    }
}
