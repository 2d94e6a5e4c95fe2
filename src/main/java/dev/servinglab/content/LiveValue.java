package dev.servinglab.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.web.format.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one number (or word) of the running model in a lesson: {@code {{live SOURCE PATH [FORMAT]}}}.
 *
 * <p>SOURCE names a document a {@link LiveSource} publishes: a model's name (its model card, as
 * {@code GET /api/v1/models/{name}} answers), {@code example} (the trace of the example flower), a lab, or a set of
 * limits. PATH is a dot path with {@code [i]} indexes, negative from the end. FORMAT {@code ms} writes a duration in
 * nanoseconds as milliseconds with three decimals.
 *
 * @param source the JSON document
 * @param path   the steps into it: field names and indexes
 * @param format how to write the value
 * @param text   the placeholder as written, for messages
 */
public record LiveValue(String source, List<Object> path, String format, String text) {

    /** The formats a live value can be written in. */
    private static final Set<String> FORMATS = Set.of("percent", "dp2", "dp3", "int", "raw", "ms");

    private static final double NANOS_PER_MS = 1_000_000;

    /** The smallest share the one-decimal {@code percent} format writes as a number: 0.1 % (0.05 % rounds up). */
    private static final double SMALLEST_PERCENT = 0.0005;

    private static final Pattern STEP = Pattern.compile("([a-z_][a-z0-9_]*)|\\[(-?\\d+)]");

    /**
     * Parses the inside of a placeholder, after {@code live }.
     *
     * @throws ContentValidationException if it is not SOURCE PATH [FORMAT]
     */
    public static LiveValue parse(String spec, String file, int line) {
        String[] words = spec.strip().split("\\s+");
        if (words.length < 2 || words.length > 3) {
            throw new ContentValidationException(
                    file,
                    line,
                    "write a live value as {{live SOURCE PATH [FORMAT]}}, "
                            + "e.g. {{live mlp test.accuracy percent}}; got {{live " + spec + "}}");
        }
        String format = words.length == 3 ? words[2] : null;
        if (format != null && !FORMATS.contains(format)) {
            throw new ContentValidationException(
                    file,
                    line,
                    "unknown format '" + format + "' in {{live " + spec + "}}; formats: percent, dp2, dp3, int, raw, "
                            + "ms (nanoseconds written as milliseconds)");
        }
        return new LiveValue(words[0], steps(words[1], spec, file, line), format, "{{live " + spec + "}}");
    }

    private static List<Object> steps(String path, String spec, String file, int line) {
        List<Object> steps = new ArrayList<>();
        Matcher step = STEP.matcher(path);
        int at = 0;
        while (at < path.length()) {
            if (path.charAt(at) == '.' && at > 0) {
                at++;
            }
            if (!step.find(at) || step.start() != at) {
                throw new ContentValidationException(
                        file,
                        line,
                        "bad path '" + path + "' in {{live " + spec
                                + "}}: use names and [i] indexes, e.g. test.per_class[1].recall");
            }
            steps.add(step.group(1) != null ? step.group(1) : (Object) Integer.valueOf(step.group(2)));
            at = step.end();
        }
        return List.copyOf(steps);
    }

    /**
     * Finds the value in the given documents and writes it.
     *
     * @return the text to show, or {@code null} if the source or the path does not exist
     */
    public String render(Map<String, JsonNode> sources) {
        JsonNode node = find(sources);
        return node == null ? null : write(node);
    }

    private JsonNode find(Map<String, JsonNode> sources) {
        JsonNode node = sources.get(source);
        for (Object step : path) {
            if (node == null) {
                return null;
            }
            if (step instanceof Integer index) {
                node = node.isArray() ? node.get(index < 0 ? node.size() + index : index) : null;
            } else {
                node = node.get((String) step);
            }
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node;
    }

    /**
     * Finds the value in the given documents as a number.
     *
     * @return the number, or {@code null} if there is no number there
     */
    public Double number(Map<String, JsonNode> sources) {
        JsonNode node = find(sources);
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    private String write(JsonNode node) {
        if (!node.isNumber()) {
            return node.asText();
        }
        double value = node.asDouble();
        String chosen = format != null ? format : node.isIntegralNumber() ? "int" : "dp2";
        return switch (chosen) {
            // A probability of 4.6e-6 is not zero: one decimal would show it as "0.0 %".
            case "percent" -> value > 0 && value < SMALLEST_PERCENT ? "< 0.1 %" : Numbers.percent(value);
            case "dp3" -> Numbers.dp3(value);
            case "int" -> Numbers.whole(value);
            case "raw" -> node.asText();
            case "ms" -> Numbers.dp3(value / NANOS_PER_MS);
            default -> Numbers.dp2(value);
        };
    }
}
