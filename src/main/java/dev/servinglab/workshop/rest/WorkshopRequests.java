package dev.servinglab.workshop.rest;

import dev.servinglab.evaluation.exercise.service.ExerciseAnswers;
import dev.servinglab.quiz.service.Answer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Holds the bodies of workshop mode's requests, each checked field by field. */
public final class WorkshopRequests {

    private WorkshopRequests() {}

    /**
     * Asks for a new workshop.
     *
     * @param title       its title
     * @param lessons     the lessons in play, by slug, in order; empty or absent for every lesson
     * @param holdLessons whether lessons start held back until released
     * @param holdAnswers whether quiz feedback waits until a lesson's answers are released
     */
    @Schema(name = "NewWorkshop")
    public record NewWorkshop(
            @Schema(examples = "Serving models, Tuesday group", maxLength = 120) @NotBlank(message = "is required")
            String title,

            @Size(max = 50, message = "may name at most 50 lessons")
            List<@NotBlank String> lessons,

            Boolean holdLessons,
            Boolean holdAnswers) {}

    /** Sets whether a lesson in play and its quiz's answers are released. */
    @Schema(name = "WorkshopRelease")
    public record Release(
            @NotNull(message = "is required") Boolean released,
            @NotNull(message = "is required") Boolean answersReleased) {}

    /** Sets the section the class is asked to follow: a null lesson stops asking. */
    @Schema(name = "WorkshopFollowRequest")
    public record Follow(
            @Schema(examples = "03-measuring-latency", maxLength = 100) @Size(max = 100)
            String lesson,

            @Schema(examples = "percentiles", maxLength = 100) @Size(max = 100)
            String section) {}

    /** Sets what the presenter view shows and whether the class's results are revealed. */
    @Schema(name = "WorkshopPresenter")
    public record Presenter(
            @Schema(
                    description = "quiz/question, lesson#section or a lesson's slug; null shows nothing",
                    examples = "03-measuring-latency/p99-meaning",
                    maxLength = 300)
            @Size(max = 300)
            String target,

            @NotNull(message = "is required") Boolean revealed) {}

    /** Asks to join a workshop. */
    @Schema(name = "JoinRequest")
    public record Join(
            @Schema(examples = "Ana", maxLength = 24) @NotNull(message = "is required")
            String nickname) {}

    /** Reports lesson progress. */
    @Schema(name = "ProgressReport")
    public record Progress(
            @Schema(examples = "01-what-serving-means") @NotBlank(message = "is required") @Size(max = 100)
            String lesson,

            @Schema(enumeration = {"visited", "completed"}) @NotBlank(message = "is required")
            String state) {}

    /** Reports an answer to a quiz question, to be graded by the server. */
    @Schema(name = "AnswerReport")
    public record QuizAnswer(
            @NotBlank(message = "is required") @Size(max = 100)
            String quiz,

            @NotBlank(message = "is required") @Size(max = 100)
            String question,

            @Valid @NotNull(message = "is required: an object with choices or a value")
            Answer answer) {}

    /** Reports an attempt at an exercise, to be graded by the server. */
    @Schema(name = "ExerciseReport")
    public record Exercise(
            @NotBlank(message = "is required") @Size(max = 100)
            String exercise,

            @Valid @NotNull(message = "is required") ExerciseAnswers answers) {}

    /** Reports a finished training run, by its id: the server reads the rest from its own record. */
    @Schema(name = "TrainingReport")
    public record Training(
            @NotBlank(message = "is required") @Size(max = 32)
            String runId) {}

    /** Reports a latency-lab run. */
    @Schema(name = "LatencyReport")
    public record LatencyRun(
            @Schema(description = "The latency of every answered request, in milliseconds")
            @NotNull(message = "is required")
            @Size(max = 100_000)
            List<@NotNull @PositiveOrZero @DecimalMax("600000") Double> latenciesMs,

            @NotNull(message = "is required") @PositiveOrZero @Max(100_000)
            Integer errors,

            @NotNull(message = "is required") @Positive @Max(1000)
            Integer concurrency,

            @Schema(description = "How long the run took, in seconds")
            @NotNull(message = "is required")
            @PositiveOrZero
            @DecimalMax("3600")
            Double seconds) {}
}
