package dev.servinglab.lesson.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds what a learner sees once they have committed a prediction: their prediction again, and the reveal.
 *
 * @param lesson     the lesson's slug
 * @param element    the prediction element's id
 * @param kind       {@code choice}, {@code number} or {@code text}
 * @param prediction the committed prediction as sent (a choice's number, a number, or the learner's text)
 * @param predictionText the prediction in words: a choice's text, the number, or the learner's text
 * @param revealHtml what happened and why (for {@code text}: a model answer), as HTML from the lesson
 * @param check      the id of the widget control on the lesson page to check it with, or {@code null}
 */
@Schema(name = "PredictionReveal")
public record PredictionReveal(
        String lesson,
        String element,
        @Schema(enumeration = {"choice", "number", "text"}) String kind,
        String prediction,
        String predictionText,
        String revealHtml,
        String check) {}
