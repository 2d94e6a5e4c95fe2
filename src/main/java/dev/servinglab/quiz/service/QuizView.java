package dev.servinglab.quiz.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows a quiz as a learner sees it before answering: the questions and options, and no answer key.
 *
 * @param slug      the quiz, named after its lesson
 * @param title     its title
 * @param lesson    the path of its lesson
 * @param questions its questions, in order
 */
@Schema(name = "Quiz", description = "A quiz without its answer key")
public record QuizView(String slug, String title, String lesson, List<QuestionView> questions) {

    /**
     * Shows one question without its answer.
     *
     * @param id      the question's id, to answer it
     * @param kind    single, multiple or numeric
     * @param prompt  the question
     * @param options the options of a choice question, in the order this learner sees them, each answered by its
     *                index
     * @param variant the problem a parametrised numeric question poses this learner, sent back with the answer;
     *                {@code null} for any other question
     * @param section the lesson section it tests
     */
    @Schema(name = "QuizQuestion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(
            String id,

            @Schema(enumeration = {"single", "multiple", "numeric"})
            String kind,

            String prompt,
            List<OptionView> options,
            Integer variant,
            String section) {

        /** Tells whether several options may be chosen. */
        public boolean multiple() {
            return kind.equals("multiple");
        }

        /** Tells whether the answer is a number. */
        public boolean numeric() {
            return kind.equals("numeric");
        }
    }

    /**
     * Shows one option.
     *
     * @param index what answers it: its place in the quiz file, whatever place it is shown in
     * @param text  the option
     */
    @Schema(name = "QuizOption")
    public record OptionView(int index, String text) {}
}
