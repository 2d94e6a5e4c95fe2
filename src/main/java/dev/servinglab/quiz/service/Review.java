package dev.servinglab.quiz.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reviews a finished quiz: the score, and for every question the answer key and every explanation.
 *
 * @param score     questions answered right
 * @param total     questions in the quiz
 * @param questions every question, in order
 */
@Schema(name = "QuizReview")
public record Review(int score, int total, List<QuestionReview> questions) {

    /**
     * Reviews one question.
     *
     * @param id          its id
     * @param prompt      the question
     * @param correct     whether the learner's answer was right
     * @param options     every option with whether it is right, whether it was chosen, and why
     * @param answer      the answer of a numeric question
     * @param tolerance   the accepted distance
     * @param given       the number the learner gave
     * @param variant     the problem a parametrised numeric question posed
     * @param explanation the worked solution of a numeric question
     * @param section     the lesson section to review
     */
    @Schema(name = "QuizQuestionReview")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionReview(
            String id,
            String prompt,
            boolean correct,
            List<OptionReview> options,
            Double answer,
            Double tolerance,
            Double given,
            Integer variant,
            String explanation,
            String section) {}

    /**
     * Reviews one option.
     */
    @Schema(name = "QuizOptionReview")
    public record OptionReview(String text, boolean correct, boolean chosen, String explanation) {}
}
