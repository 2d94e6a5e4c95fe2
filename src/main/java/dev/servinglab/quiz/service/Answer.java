package dev.servinglab.quiz.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds a learner's answer to one question: the chosen options of a choice question, or a number.
 *
 * @param choices the indexes of the chosen options (one for a single-choice question)
 * @param value   the number given to a numeric question
 */
@Schema(
        name = "QuizAnswer",
        description = "Chosen option indexes, or a number for a numeric question",
        examples = "{\"choices\": [0]}")
public record Answer(List<Integer> choices, Double value) {}
