package dev.servinglab.quiz.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Grades one answer: right or wrong, and why each chosen option is right or wrong. It never tells which options
 * the learner did not choose are right, nor a numeric answer the learner has not found; a wrong multiple-choice
 * answer gets no verdict per option, since ticking every option would otherwise reveal them all.
 *
 * @param question    the question's id
 * @param correct     whether the answer is right
 * @param chosen      the chosen options, each with whether it is right and its explanation
 * @param explanation the worked solution of a numeric question, once it is answered right
 * @param hint        what to do next when the answer is wrong
 * @param next        the new problem a parametrised question poses after a wrong answer
 */
@Schema(name = "QuizFeedback")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feedback(
        String question, boolean correct, List<Chosen> chosen, String explanation, String hint, Next next) {

    /**
     * Explains one chosen option.
     */
    @Schema(name = "QuizChosenOption")
    public record Chosen(int option, String text, boolean correct, String explanation) {}

    /**
     * Poses the problem to try next: the same question with new inputs.
     *
     * @param variant what to send back with the answer
     * @param prompt  the new problem
     */
    @Schema(name = "QuizNextProblem")
    public record Next(int variant, String prompt) {}
}
