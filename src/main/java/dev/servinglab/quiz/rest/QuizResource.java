package dev.servinglab.quiz.rest;

import dev.servinglab.quiz.service.Answer;
import dev.servinglab.quiz.service.Feedback;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.quiz.service.QuizGrader;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.quiz.service.QuizView;
import dev.servinglab.quiz.service.Review;
import dev.servinglab.web.http.StrictJsonReader;
import dev.servinglab.web.problem.ResourceNotFoundException;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the self-check quizzes and grades them: the answer key never leaves the server before the learner has
 * answered.
 */
@Path("/api/v1/quizzes")
@Tag(name = "Quizzes", description = "The lessons' self-checks, graded by the server")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such quiz or question")
public class QuizResource {

    private final QuizRepository quizzes;
    private final QuizLearner learner;

    QuizResource(QuizRepository quizzes, QuizLearner learner) {
        this.quizzes = quizzes;
        this.learner = learner;
    }

    @GET
    @Operation(summary = "List the quizzes", description = "Every lesson's quiz, without answers.")
    @APIResponse(
            responseCode = "200",
            description = "The quizzes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuizView.class, type = SchemaType.ARRAY)))
    public List<QuizView> list() {
        String key = learner.key();
        return quizzes.all().stream().map(quiz -> QuizGrader.view(quiz, key)).toList();
    }

    @GET
    @Path("/{slug}")
    @Operation(
            summary = "Show a quiz",
            description = "The questions and options of one lesson's quiz, with no answer key. Each learner (the "
                    + "serving-lab-quiz cookie, set when absent) sees the options in an order of their own; an "
                    + "option is answered by its index, which stays the same whatever its place. A parametrised "
                    + "numeric question names its variant, to send back with the answer.")
    @APIResponse(
            responseCode = "200",
            description = "The quiz",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuizView.class)))
    public QuizView quiz(@PathParam("slug") String slug) {
        return QuizGrader.view(require(slug), learner.key());
    }

    @POST
    @Path("/{slug}/questions/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Answer one question",
            description = "Grades the answer: right or wrong, and why each chosen option is right or wrong. "
                    + "A wrong answer can be tried again; nothing tells which unchosen options are right. A wrong "
                    + "answer to a parametrised question comes with a new problem (next) to try.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Answer.class),
                            examples = {
                                @ExampleObject(name = "choice", value = "{\"choices\": [0]}"),
                                @ExampleObject(name = "number", value = "{\"value\": 0.8}"),
                                @ExampleObject(name = "generated number", value = "{\"value\": 20, \"variant\": 17}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The grade",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Feedback.class)))
    @APIResponse(
            responseCode = "422",
            description = "The answer does not fit the question, or has a field an answer does not have")
    public Feedback answer(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @Valid @NotNull(message = "is required: an object with choices or a value") Answer answer) {
        Quiz quiz = require(slug);
        Question question = quiz.question(id)
                .orElseThrow(() -> new ResourceNotFoundException("quiz " + slug + " has no question '" + id + "'"));
        return QuizGrader.grade(quiz, question, answer);
    }

    @POST
    @Path("/{slug}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJsonReader.class)
    @Operation(
            summary = "Review a finished quiz",
            description = "Takes an answer to every question and returns "
                    + "the score, the answer key and every explanation, with the lesson section to review for each.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "answers",
                                            value = "{\"answers\": {\"input-shape\": {\"choices\": [0]}, "
                                                    + "\"latency-p99\": {\"value\": 120}}}")))
    @APIResponse(
            responseCode = "200",
            description = "The review",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Review.class)))
    @APIResponse(
            responseCode = "422",
            description = "A question has no answer, an answer does not fit, or the body has an unknown field")
    public Review review(@PathParam("slug") String slug, @Valid ReviewRequest request) {
        return QuizGrader.review(require(slug), request == null ? null : request.answers());
    }

    /**
     * Holds an answer to every question of a quiz, by question id.
     */
    @Schema(name = "QuizReviewRequest", examples = "{\"answers\": {\"input-shape\": {\"choices\": [0]}}}")
    public record ReviewRequest(Map<String, @Valid Answer> answers) {}

    private Quiz require(String slug) {
        return quizzes.find(slug)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "no quiz '" + slug + "'; quizzes are named after their lesson, see GET /api/v1/quizzes"));
    }
}
