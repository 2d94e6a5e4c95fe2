package dev.servinglab.quiz.service;

import java.util.List;

/**
 * Holds one question of a quiz with its answer key. Never sent to a browser as it is: see {@link QuizView}.
 *
 * @param id          unique in its quiz
 * @param kind        single choice, multiple choice or a number
 * @param section     the anchor of the lesson section it tests
 * @param prompt      the question, live values filled in
 * @param options     the options of a choice question, in order
 * @param answer      the answer of a numeric question
 * @param tolerance   the accepted distance from the answer
 * @param explanation the worked solution of a numeric question
 */
public record Question(
        String id,
        Kind kind,
        String section,
        String prompt,
        List<Option> options,
        Double answer,
        double tolerance,
        String explanation) {

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
