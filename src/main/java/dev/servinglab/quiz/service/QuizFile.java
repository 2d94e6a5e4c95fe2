package dev.servinglab.quiz.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

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
     * @param kind          single, multiple or numeric
     * @param section       the anchor of the lesson section it tests
     * @param objectives    the numbers of the lesson objectives it tests, from 1 in the lesson's list
     * @param prompt        the question
     * @param options       the options of a choice question
     * @param live          numbers of the running model its formulas read, by name: {@code SOURCE PATH}
     * @param inputs        the generated inputs of a parametrised numeric question, by name
     * @param where         what a generated problem must meet, a {@link Formula} that is not 0
     * @param answer        the answer of a numeric question
     * @param answerLive    or the answer of a numeric question as a live value, {@code SOURCE PATH}
     * @param answerFormula or the answer of a parametrised numeric question, a {@link Formula} of its inputs
     * @param tolerance     the accepted distance from a numeric answer
     * @param explanation   the worked solution of a numeric question
     */
    public record Entry(
            @NotBlank(message = TEXT)
            @Pattern(regexp = "[a-z0-9]+(?:-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
            String id,

            @NotNull(message = "must be single, multiple or numeric")
            Question.Kind kind,

            @NotBlank(message = TEXT) String section,

            @NotEmpty(message = "must list the numbers of the lesson objectives it tests, from 1: [1, 3]")
            List<@NotNull(message = "must be an objective's number") @Positive(message = "must be from 1") Integer>
                    objectives,

            @NotBlank(message = TEXT) String prompt,

            @Size(min = 2, max = 6, message = "must be a list of 2 to 6 options")
            List<@NotNull(message = "must be an option, with keys and values") @Valid Option> options,

            @Size(min = 1, max = 8, message = "must name 1 to 8 live values")
            Map<
                            @Pattern(
                                    regexp = "[a-z_][a-z0-9_]*",
                                    message = "must be a name in lowercase letters, digits and _")
                            String,
                            @NotBlank(message = "must be a live value, SOURCE PATH") String>
                    live,

            @Size(min = 1, max = 8, message = "must name 1 to 8 inputs")
            Map<
                            @Pattern(
                                    regexp = "[a-z_][a-z0-9_]*",
                                    message = "must be a name in lowercase letters, digits and _")
                            String,
                            @NotNull(message = "must be an input, with min, max and step") @Valid Input>
                    inputs,

            @Pattern(regexp = "(?s).*\\S.*", message = TEXT) String where,
            Double answer,
            @Pattern(regexp = "(?s).*\\S.*", message = TEXT) String answerLive,
            @Pattern(regexp = "(?s).*\\S.*", message = TEXT) String answerFormula,

            @PositiveOrZero(message = "must not be negative")
            Double tolerance,

            @Pattern(regexp = "(?s).*\\S.*", message = TEXT) String explanation) {}

    /**
     * Holds the values a generated input takes: from {@code min} to {@code max} in steps of {@code step} (1 unless
     * given).
     *
     * @param min  the smallest value
     * @param max  the largest value
     * @param step the distance between two values
     */
    public record Input(
            @NotNull(message = "must be a number") Double min,
            @NotNull(message = "must be a number") Double max,
            @Positive(message = "must be above 0") Double step) {}

    /**
     * Holds one option of a choice question as written.
     *
     * @param text        the option
     * @param correct     whether it is right
     * @param correctIf   or when it is right, a {@link Formula} of the question's live values that is not 0
     * @param explanation why it is right or wrong
     */
    public record Option(
            @NotBlank(message = TEXT) String text,
            Boolean correct,
            @Pattern(regexp = "(?s).*\\S.*", message = TEXT) String correctIf,
            @NotBlank(message = TEXT) String explanation) {}
}
