package dev.servinglab.lesson.service;

import java.util.List;
import java.util.Optional;

/**
 * Holds one prediction element of a lesson, rendered: the question the page shows, and the reveal that the server
 * hands out only for a committed prediction.
 *
 * @param id         its name, unique in the lesson
 * @param kind       what the learner commits to
 * @param choices    the choices of a {@link PredictionSource.Kind#CHOICE} prediction, in order (empty otherwise)
 * @param revealHtml what happened and why, as HTML, live values filled in
 * @param check      the id of the widget control that lets the learner check it themself, or {@code null}
 */
public record Prediction(String id, PredictionSource.Kind kind, List<Choice> choices, String revealHtml, String check) {

    /**
     * Holds one choice.
     *
     * @param text its plain text, to repeat the learner's prediction back to them
     * @param html its HTML, as the question shows it
     */
    public record Choice(String text, String html) {}

    /** Returns the choice a committed answer names by its number (1 for the first), if there is one. */
    public Optional<Choice> choice(int number) {
        return number >= 1 && number <= choices.size() ? Optional.of(choices.get(number - 1)) : Optional.empty();
    }
}
