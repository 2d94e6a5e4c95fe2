package dev.servinglab.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, reads and fills the live values of lesson and quiz text, {@code {{live SOURCE PATH [FORMAT]}}}: the one
 * place that knows how a placeholder is written. Any other {@code {{…}}} in text is refused, so that a typo never
 * reaches a learner as raw braces.
 */
public final class LivePlaceholders {

    /** A directive: anything between double braces, on one line. */
    private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{(.*?)}}");

    private static final String LIVE = "live";

    private final Map<String, JsonNode> documents;

    /**
     * Creates a filler that takes values from the given documents.
     *
     * @param documents the live documents by name, as {@link LiveValues#sources()} returns them
     */
    public LivePlaceholders(Map<String, JsonNode> documents) {
        this.documents = Map.copyOf(documents);
    }

    /**
     * Holds a directive found in a text.
     *
     * @param start     the index of its first brace
     * @param end       the index after its last brace
     * @param directive what stands between the braces, e.g. {@code live mlp test.accuracy percent}
     */
    public record Found(int start, int end, String directive) {}

    /** Finds every directive of a text, in order. A directive never spans two lines. */
    static List<Found> find(CharSequence text) {
        List<Found> found = new ArrayList<>();
        Matcher directive = DIRECTIVE.matcher(text);
        while (directive.find()) {
            found.add(new Found(directive.start(), directive.end(), directive.group(1)));
        }
        return found;
    }

    /** Returns the directive the text starts with, if it starts with one. */
    public static Optional<Found> leading(CharSequence text) {
        Matcher directive = DIRECTIVE.matcher(text);
        return directive.lookingAt()
                ? Optional.of(new Found(0, directive.end(), directive.group(1)))
                : Optional.empty();
    }

    /**
     * Reads a directive: a live value is the only one text may hold.
     *
     * @param directive what stands between the braces
     * @throws ContentValidationException for another directive, or a live value that is not SOURCE PATH [FORMAT]
     */
    public static LiveValue parse(String directive, String file, int line) {
        String[] words = directive.strip().split("\\s+", 2);
        if (!words[0].equals(LIVE)) {
            throw new ContentValidationException(
                    file,
                    line,
                    "unknown directive {{" + directive + "}}: text holds live values, {{live SOURCE PATH [FORMAT]}}; "
                            + "a lesson places a widget with {{widget NAME}} alone on a line");
        }
        return LiveValue.parse(words.length > 1 ? words[1] : "", file, line);
    }

    /**
     * Returns a text with every directive replaced by the value it names, written in its format.
     *
     * @param line the line of the text, for messages
     * @throws ContentValidationException if a directive is not a live value, or names no value
     */
    public String fill(String text, String file, int line) {
        StringBuilder filled = new StringBuilder();
        int at = 0;
        for (Found found : find(text)) {
            filled.append(text, at, found.start()).append(write(parse(found.directive(), file, line), file, line));
            at = found.end();
        }
        return filled.append(text, at, text.length()).toString();
    }

    /**
     * Writes the value a live value names, in its format.
     *
     * @throws ContentValidationException if the source or the path does not exist
     */
    public String write(LiveValue value, String file, int line) {
        String written = value.render(documents);
        if (written == null) {
            throw new ContentValidationException(file, line, value.text() + " names no value: " + sources());
        }
        return written;
    }

    /**
     * Returns the number a live value names.
     *
     * @throws ContentValidationException if there is no number there
     */
    public double number(LiveValue value, String file, int line) {
        Double number = value.number(documents);
        if (number == null) {
            throw new ContentValidationException(
                    file, line, value.text() + " names no number of the running model: " + sources());
        }
        return number;
    }

    private String sources() {
        return "sources are "
                + String.join(", ", documents.keySet().stream().sorted().toList())
                + " (a model card, the example trace, a lab or a set of limits); check the path";
    }
}
