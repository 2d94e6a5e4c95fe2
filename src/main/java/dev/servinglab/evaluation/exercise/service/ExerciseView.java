package dev.servinglab.evaluation.exercise.service;

import dev.servinglab.evaluation.service.ConfusionCounts;
import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.web.format.Numbers;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows an exercise as the learner sees it: the scenario and the matrix, with its axes named, and no answers.
 *
 * @param id          the exercise, to answer it
 * @param scenario    a short title
 * @param story       the situation
 * @param positive    the positive class
 * @param negative    the negative class
 * @param total       the number of cases
 * @param rowAxis     what the rows are: "Actual" or "Predicted"
 * @param columnAxis  what the columns are
 * @param rowLabels   the two row labels, positive first
 * @param columnLabels the two column labels, positive first
 * @param cells       the counts as laid out, row by row
 * @param metrics     the metrics to compute
 * @param answerFormat how to write an answer
 */
@Schema(name = "ExerciseView", description = "A confusion-matrix exercise, without its answers")
public record ExerciseView(
        String id,
        String scenario,
        String story,
        String positive,
        String negative,
        int total,
        String rowAxis,
        String columnAxis,
        List<String> rowLabels,
        List<String> columnLabels,
        int[][] cells,
        List<String> metrics,
        String answerFormat) {

    /**
     * Lays out an exercise's matrix with its axes.
     */
    public static ExerciseView of(Exercise e) {
        ConfusionCounts c = e.counts();
        int[][] cells = e.rowsAreActual()
                ? new int[][] {{c.tp(), c.fn()}, {c.fp(), c.tn()}}
                : new int[][] {{c.tp(), c.fp()}, {c.fn(), c.tn()}};
        String rows = e.rowsAreActual() ? "Actual" : "Predicted";
        String columns = e.rowsAreActual() ? "Predicted" : "Actual";
        List<String> classes = List.of(e.positive(), e.negative());
        return new ExerciseView(
                e.id(),
                e.scenario(),
                e.story(),
                e.positive(),
                e.negative(),
                c.total(),
                rows,
                columns,
                classes.stream().map(k -> rows + " " + k).toList(),
                classes.stream().map(k -> columns + " " + k).toList(),
                cells,
                Metric.keys(),
                "a number with two decimals, such as 0.42, or \"" + Numbers.UNDEFINED
                        + "\" when the formula divides by zero");
    }
}
