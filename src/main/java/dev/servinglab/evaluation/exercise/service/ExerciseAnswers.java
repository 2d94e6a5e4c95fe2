package dev.servinglab.evaluation.exercise.service;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.web.format.Numbers;
import jakarta.validation.constraints.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds a learner's answers to an exercise: any of the four metrics, each a number (JSON number or string) or
 * {@code "undefined"} for a metric whose formula divides by zero. A metric left out is not graded.
 *
 * @param accuracy  the accuracy computed
 * @param precision the precision computed
 * @param recall    the recall computed
 * @param f1        the F1 computed
 * @param others    any other field of the body, which the grader names as unknown
 */
@Schema(name = "ExerciseAnswers", description = "Any of the four metrics, computed by the learner")
public record ExerciseAnswers(
        @Schema(
                anyOf = {Double.class, String.class},
                description = DESCRIPTION,
                examples = "0.85")
        @Pattern(regexp = ANSWER, flags = Pattern.Flag.CASE_INSENSITIVE, message = FORMAT)
        String accuracy,

        @Schema(
                anyOf = {Double.class, String.class},
                description = DESCRIPTION,
                examples = "0.80")
        @Pattern(regexp = ANSWER, flags = Pattern.Flag.CASE_INSENSITIVE, message = FORMAT)
        String precision,

        @Schema(
                anyOf = {Double.class, String.class},
                description = DESCRIPTION,
                examples = "0.89")
        @Pattern(regexp = ANSWER, flags = Pattern.Flag.CASE_INSENSITIVE, message = FORMAT)
        String recall,

        @Schema(
                anyOf = {Double.class, String.class},
                description = DESCRIPTION,
                examples = "undefined")
        @Pattern(regexp = ANSWER, flags = Pattern.Flag.CASE_INSENSITIVE, message = FORMAT)
        String f1,

        @Schema(hidden = true) @JsonAnySetter Map<String, Object> others) {

    /** How the API documents an answer. */
    static final String DESCRIPTION = "A number such as 0.42, or \"" + Numbers.UNDEFINED
            + "\" when the formula divides by zero (a JSON number is taken too)";

    /** How an answer must be written. */
    public static final String FORMAT =
            "must be a number with two decimals, such as 0.42, or \"" + Numbers.UNDEFINED + "\"";

    /** A decimal number (a JSON number arrives as its text) or the word undefined, spaces around allowed. */
    static final String ANSWER = "\\s*(" + Numbers.UNDEFINED + "|[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?)\\s*";

    public ExerciseAnswers {
        // Not Map.copyOf: an unknown field may be null, and it is still reported as unknown.
        others = others == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** Returns the answer given for a metric, if the learner gave one. */
    public Optional<String> given(Metric metric) {
        return Optional.ofNullable(
                switch (metric) {
                    case ACCURACY -> accuracy;
                    case PRECISION -> precision;
                    case RECALL -> recall;
                    case F1 -> f1;
                });
    }

    /**
     * Reads an answer that matches {@link #ANSWER}: the number, or {@code null} for "undefined".
     */
    static Double value(String answer) {
        String text = answer.strip();
        return text.equalsIgnoreCase(Numbers.UNDEFINED) ? null : Double.parseDouble(text);
    }
}
