package dev.servinglab.quiz.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Holds a quiz file ({@code quizzes/<lesson-slug>.yaml}) as written, before its live values are filled in and it is
 * checked against its lesson. The rules that hold for every question are constraints here; those that depend on a
 * question's kind are checked by {@link QuizParser}.
 *
 * @param title     the quiz's title
 * @param questions its questions, in order
 */
public record QuizFile(
        @NotBlank(message = QuizFile.TEXT) String title,

        @NotEmpty(message = "must be a list of at least one question")
        List<@NotNull(message = "must be a question, with keys and values") @Valid Entry> questions) {

    static final String TEXT = "must be a non-empty text";

    /**
     * Holds one question as written.
     *
     * @param id          unique in its quiz
     * @param kind        single, multiple or numeric
     * @param section     the anchor of the lesson section it tests
     * @param prompt      the question
     * @param options     the options of a choice question
     * @param answer      the answer of a numeric question
     * @param answerLive  or the answer of a numeric question as a live value, {@code SOURCE PATH}
     * @param tolerance   the accepted distance from a numeric answer
     * @param explanation the worked solution of a numeric question
     */
    public record Entry(
            @NotBlank(message = TEXT)
            @Pattern(regexp = "[a-z0-9]+(?:-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
            String id,

            @NotNull(message = "must be single, multiple or numeric")
            Question.Kind kind,

            @NotBlank(message = TEXT) String section,
            @NotBlank(message = TEXT) String prompt,

            @Size(min = 2, max = 6, message = "must be a list of 2 to 6 options")
            List<@NotNull(message = "must be an option, with keys and values") @Valid Option> options,

            Double answer,
            @Pattern(regexp = "(?s).*\\S.*", message = TEXT) String answerLive,

            @PositiveOrZero(message = "must not be negative")
            Double tolerance,

            @Pattern(regexp = "(?s).*\\S.*", message = TEXT) String explanation) {}

    /**
     * Holds one option of a choice question as written.
     *
     * @param text        the option
     * @param correct     whether it is right
     * @param explanation why it is right or wrong
     */
    public record Option(
            @NotBlank(message = TEXT) String text,
            @NotNull(message = "must be true or false") Boolean correct,
            @NotBlank(message = TEXT) String explanation) {}
}
