package dev.servinglab.evaluation.exercise.service;

import dev.servinglab.content.Tolerance;
import dev.servinglab.evaluation.service.ConfusionCounts;
import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.web.format.Numbers;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Grades a learner's metrics for an exercise, gives tiered hints and, on request, the worked solution. Grades say
 * right or wrong only: the expected value leaves the server in the solution alone.
 */
public final class ExerciseGrader {

    /** Answers may be this far from the exact value: two-decimal rounding. */
    public static final double TOLERANCE = 0.01;

    private static final String CORRECT = "correct";
    private static final String INCORRECT = "incorrect";
    private static final String METRICS = "the metrics are " + Metric.keysInWords();
    /** Enough to name every field a learner could get wrong at once; a body of junk gets a short answer. */
    private static final int MAX_REPORTED = 10;

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
     *
     * @param metric  the metric's JSON name
     * @param label   its name for people, as the exercise page shows it
     * @param formula its formula
     * @param working the formula with this exercise's counts
     * @param value   the exact value, {@code null} when undefined
     * @param answer  the answer as a learner writes it: two decimals, or {@code undefined}
     */
    @Schema(name = "ExerciseSolutionStep")
    public record Step(String metric, String label, String formula, String working, Double value, String answer) {}

    /**
     * Grades the given answers, each already in the format {@link ExerciseAnswers} checks; a metric left out is not
     * graded.
     *
     * @throws InvalidInputException naming every field that is not a metric and every answer too large to be a
     *     number, or saying that no metric is answered
     */
    public static Grade grade(Exercise exercise, ExerciseAnswers answers) {
        if (answers == null) {
            throw nothingAnswered();
        }
        Violations violations = new Violations(MAX_REPORTED);
        // Sorted: Jackson collects unknown fields in no particular order, and the same body gets the same answer.
        answers.others().keySet().stream()
                .sorted()
                .forEach(name -> violations.add(name, "unknown-field", "is not a metric; " + METRICS));
        Map<String, String> grades = new LinkedHashMap<>();
        for (Metric metric : Metric.ALL) {
            Optional<String> answer = answers.given(metric);
            if (answer.isEmpty()) {
                continue;
            }
            Double given = ExerciseAnswers.value(answer.get()); // null for "undefined"
            if (given != null && !Double.isFinite(given)) {
                violations.add(metric.key(), "format", ExerciseAnswers.FORMAT);
                continue;
            }
            Double expected = metric.of(exercise.counts());
            boolean right =
                    expected == null ? given == null : given != null && Tolerance.within(given, expected, TOLERANCE);
            grades.put(metric.key(), right ? CORRECT : INCORRECT);
        }
        violations.throwIfAny();
        if (grades.isEmpty()) {
            throw nothingAnswered();
        }
        boolean solved =
                grades.size() == Metric.ALL.size() && grades.values().stream().allMatch(CORRECT::equals);
        return new Grade(grades, solved);
    }

    /**
     * Gives the hint of a level for a metric.
     *
     * @param level 1 (formula), 2 (cells) or 3 (worked step), as the API has checked
     * @throws InvalidInputException for an unknown metric
     */
    public static Hint hint(Exercise exercise, String metricName, int level) {
        Metric metric = Metric.byKey(metricName)
                .orElseThrow(
                        () -> new InvalidInputException(metricName, "unknown-field", "is not a metric; " + METRICS));
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("a hint level is 1, 2 or 3: " + level);
        }
        ConfusionCounts c = exercise.counts();
        String text = switch (level) {
            case 1 -> metric.formula() + ". It uses " + metric.cells() + ".";
            case 2 -> cells(exercise, metric);
            default ->
                working(exercise, metric)
                        + (metric.of(c) == null
                                ? " The formula divides by zero: answer \"" + Numbers.UNDEFINED + "\"."
                                : " Divide and round to two decimals.");
        };
        return new Hint(metric.key(), level, text, level < 3);
    }

    /**
     * Works out every metric, with its value: shown once the learner has solved the exercise or given up.
     */
    public static List<Step> solution(Exercise exercise) {
        return Metric.ALL.stream()
                .map(m -> {
                    Double value = m.of(exercise.counts());
                    return new Step(
                            m.key(),
                            m.label(),
                            m.formula(),
                            working(exercise, m),
                            value,
                            value == null ? Numbers.UNDEFINED : Numbers.dp2(value));
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
                    case F1 -> tp + "; " + fp + "; " + fn + ".";
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
                "F1 = 2 · " + c.tp() + " / (2 · " + c.tp() + " + " + c.fp() + " + " + c.fn() + ") = " + 2 * c.tp()
                        + " / " + (2 * c.tp() + c.fp() + c.fn()) + (c.tp() == 0 ? " = 0: no positive was found." : ".");
        };
    }

    private static InvalidInputException nothingAnswered() {
        return new InvalidInputException("$", "required", "answer at least one metric; " + METRICS);
    }
}
