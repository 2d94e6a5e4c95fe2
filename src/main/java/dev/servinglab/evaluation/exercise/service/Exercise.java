package dev.servinglab.evaluation.exercise.service;

import dev.servinglab.evaluation.service.ConfusionCounts;

/**
 * Sets one confusion-matrix exercise: a scenario, its counts, and how the matrix is laid out.
 *
 * @param id        {@code fixed-1} … {@code fixed-4}, or {@code seed-N} for a generated one
 * @param scenario  a short title, e.g. "Spam filter"
 * @param story     the situation, in two sentences
 * @param positive  the name of the positive class, e.g. "spam"
 * @param negative  the name of the negative class
 * @param counts    the four cells
 * @param rowsAreActual {@code true} when rows are the actual class and columns the prediction; {@code false}
 *                  for the transposed layout, which learners must notice
 */
public record Exercise(
        String id,
        String scenario,
        String story,
        String positive,
        String negative,
        ConfusionCounts counts,
        boolean rowsAreActual) {}
