package dev.servinglab.evaluation.service;

import dev.servinglab.content.Tolerance;
import dev.servinglab.web.format.Numbers;
import dev.servinglab.web.problem.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Grades a learner's metrics for an exercise, gives tiered hints and, on request, the worked solution. Grades say
 * right or wrong only: the expected value leaves the server in the solution alone.
 */
public final class ExerciseGrader {

    /** Answers may be this far from the exact value: two-decimal rounding. */
    public static final double TOLERANCE = 0.01;
    /** The answer for a metric whose denominator is zero. */
    public static final String UNDEFINED = "undefined";

    private ExerciseGrader() {}

    /**
     * Grades one answer per metric: right or wrong.
     *
     * @param grades  metric → {@code correct} or {@code incorrect}, for the metrics answered
     * @param solved  whether all four metrics are answered right
     */
    @Schema(name = "ExerciseGrade")
    public record Grade(Map<String, String> grades, boolean solved) {}

    /**
     * Gives one hint: level 1 the formula, 2 the cells it uses, 3 the worked step.
     */
    @Schema(name = "ExerciseHint")
    public record Hint(String metric, int level, String text, boolean moreLevels) {}

    /**
     * Works one metric out in full.
     */
    @Schema(name = "ExerciseSolutionStep")
    public record Step(String metric, String formula, String working, Double value, String answer) {}

    /**
     * Grades the given answers; a metric left out is not graded.
     *
     * @throws InvalidInputException naming a field that is not a metric or not a number
     */
    public static Grade grade(Exercise exercise, Map<String, Object> answers) {
        if (answers == null || answers.isEmpty()) {
            throw new InvalidInputException("$", "required", "answer at least one of accuracy, precision, recall, f1");
        }
        Map<String, String> grades = new LinkedHashMap<>();
        for (Map.Entry<String, Object> answer : answers.entrySet()) {
            Metric metric = metric(answer.getKey());
            Double expected = metric.of(exercise.counts());
            Double given = number(answer.getKey(), answer.getValue()); // null for "undefined"
            boolean right =
                    expected == null ? given == null : given != null && Tolerance.within(given, expected, TOLERANCE);
            grades.put(metric.key(), right ? "correct" : "incorrect");
        }
        boolean solved = grades.size() == Metric.values().length
                && grades.values().stream().allMatch("correct"::equals);
        return new Grade(grades, solved);
    }

    /**
     * Gives the hint of a level for a metric.
     *
     * @throws InvalidInputException for an unknown metric or a level outside 1 … 3
     */
    public static Hint hint(Exercise exercise, String metricName, int level) {
        Metric metric = metric(metricName);
        if (level < 1 || level > 3) {
            throw new InvalidInputException("level", "range", "must be 1 (formula), 2 (cells) or 3 (worked step)");
        }
        ConfusionCounts c = exercise.counts();
        String text = switch (level) {
            case 1 -> metric.formula() + ". It uses " + metric.cells() + ".";
            case 2 -> cells(exercise, metric);
            default ->
                working(exercise, metric)
                        + (metric.of(c) == null
                                ? " The formula divides by zero: answer \"undefined\"."
                                : " Divide and round to two decimals.");
        };
        return new Hint(metric.key(), level, text, level < 3);
    }

    /**
     * Works out every metric, with its value: shown once the learner has solved the exercise or given up.
     */
    public static List<Step> solution(Exercise exercise) {
        return List.of(Metric.values()).stream()
                .map(m -> {
                    Double value = m.of(exercise.counts());
                    return new Step(
                            m.key(),
                            m.formula(),
                            working(exercise, m),
                            value,
                            value == null ? UNDEFINED : Numbers.dp2(value));
                })
                .toList();
    }

    private static String cells(Exercise e, Metric metric) {
        ConfusionCounts c = e.counts();
        String tp = "TP = " + c.tp() + " (actual " + e.positive() + ", predicted " + e.positive() + ")";
        String fp = "FP = " + c.fp() + " (actual " + e.negative() + ", predicted " + e.positive() + ")";
        String fn = "FN = " + c.fn() + " (actual " + e.positive() + ", predicted " + e.negative() + ")";
        String tn = "TN = " + c.tn() + " (actual " + e.negative() + ", predicted " + e.negative() + ")";
        String axes = "Mind the axes: the rows are the " + (e.rowsAreActual() ? "actual" : "predicted") + " class. ";
        return axes
                + switch (metric) {
                    case ACCURACY -> String.join("; ", tp, tn, fp, fn) + "; total = " + c.total() + ".";
                    case PRECISION -> tp + "; " + fp + ".";
                    case RECALL -> tp + "; " + fn + ".";
                    case F1 -> "First precision (" + tp + "; " + fp + "), then recall (" + fn + ").";
                };
    }

    private static String working(Exercise e, Metric metric) {
        ConfusionCounts c = e.counts();
        return switch (metric) {
            case ACCURACY ->
                "Accuracy = (" + c.tp() + " + " + c.tn() + ") / " + c.total() + " = " + (c.tp() + c.tn()) + " / "
                        + c.total() + ".";
            case PRECISION ->
                "Precision = " + c.tp() + " / (" + c.tp() + " + " + c.fp() + ") = " + c.tp() + " / " + (c.tp() + c.fp())
                        + ".";
            case RECALL ->
                "Recall = " + c.tp() + " / (" + c.tp() + " + " + c.fn() + ") = " + c.tp() + " / " + (c.tp() + c.fn())
                        + ".";
            case F1 ->
                "F1 = 2 · P · R / (P + R) with P = " + c.tp() + " / " + (c.tp() + c.fp()) + " and R = " + c.tp() + " / "
                        + (c.tp() + c.fn()) + ".";
        };
    }

    private static Metric metric(String name) {
        for (Metric metric : Metric.values()) {
            if (metric.key().equals(name)) {
                return metric;
            }
        }
        throw new InvalidInputException(
                name, "unknown-field", "is not a metric; the metrics are accuracy, " + "precision, recall and f1");
    }

    private static boolean isUndefined(Object given) {
        return given instanceof String text && text.strip().equalsIgnoreCase(UNDEFINED);
    }

    private static Double number(String field, Object given) {
        if (isUndefined(given)) {
            return null;
        }
        Object value = given;
        if (given instanceof String text) {
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new InvalidInputException(
                    field, "type", "must be a number with two decimals, such as 0.42, or " + "\"undefined\"");
        }
        return number.doubleValue();
    }
}
