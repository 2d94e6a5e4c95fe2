package dev.servinglab.quiz.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * Holds a learner's answer to one question: the chosen options of a choice question, or a number. Its constraints
 * hold for every question; {@link QuizGrader} checks what depends on the question (its kind, its options).
 *
 * @param choices the indexes of the chosen options (one for a single-choice question)
 * @param value   the number given to a numeric question
 * @param variant the problem a parametrised numeric question posed, as the quiz showed it
 */
@Schema(
        name = "QuizAnswer",
        description = "Chosen option indexes, or a number for a numeric question",
        examples = "{\"choices\": [0]}")
public record Answer(
        @UniqueElements(message = "must not name an option twice")
        List<
                        @NotNull(message = "must be an option index, not null")
                        @PositiveOrZero(message = "must be an option index, from 0") Integer>
                choices,

        Double value,

        @PositiveOrZero(message = "must be a variant the quiz gave, from 0")
        Integer variant) {}
