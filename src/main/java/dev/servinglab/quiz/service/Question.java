package dev.servinglab.quiz.service;

import java.util.List;

/**
 * Holds one question of a quiz with its answer key. Never sent to a browser as it is: see {@link QuizView}.
 *
 * @param id          unique in its quiz
 * @param kind        single choice, multiple choice or a number
 * @param section     the anchor of the lesson section it tests
 * @param objectives  the numbers of the lesson objectives it tests, from 1 in the lesson's list
 * @param prompt      the question, live values filled in (of the first variant, for a parametrised one)
 * @param options     the options of a choice question, in the quiz file's order
 * @param answer      the answer of a numeric question (of the first variant, for a parametrised one)
 * @param tolerance   the accepted distance from the answer
 * @param explanation the worked solution of a numeric question (of the first variant, for a parametrised one)
 * @param parameters  the generated inputs of a parametrised numeric question, or {@code null}
 */
public record Question(
        String id,
        Kind kind,
        String section,
        List<Integer> objectives,
        String prompt,
        List<Option> options,
        Double answer,
        double tolerance,
        String explanation,
        Parameters parameters) {

    /**
     * Returns the problem a variant poses: its own for a parametrised question, the one problem for any other.
     *
     * @param variant the variant; ignored unless the question is parametrised
     */
    public Problem problem(Integer variant) {
        if (parameters == null) {
            return new Problem(null, prompt, answer, explanation);
        }
        Parameters.Variant drawn = parameters.variant(id, variant == null ? 0 : variant);
        return new Problem(variant, drawn.prompt(), drawn.answer(), drawn.explanation());
    }

    /**
     * Holds one problem of a question, as graded.
     *
     * @param variant     the variant that drew it, or {@code null} for a question without generated inputs
     * @param prompt      the prompt
     * @param answer      the answer of a numeric question
     * @param explanation the worked solution of a numeric question
     */
    public record Problem(Integer variant, String prompt, Double answer, String explanation) {}

    /** Names the kinds of question. */
    public enum Kind {
        /** Exactly one option is right. */
        SINGLE,
        /** One or more options are right; all of them must be chosen. */
        MULTIPLE,
        /** A number, right within a tolerance. */
        NUMERIC
    }

    /**
     * Holds one option with whether it is right and why.
     */
    public record Option(String text, boolean correct, String explanation) {}
}
