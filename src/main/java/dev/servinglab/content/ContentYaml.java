package dev.servinglab.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the YAML of lesson and quiz files into records, the one way content YAML is read: Jackson binds it and
 * refuses unknown keys, Hibernate Validator checks the record's constraints, and every problem names the file and
 * the line Jackson read the value from (so indented and quoted keys are found like plain ones).
 */
public final class ContentYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final PropertyNamingStrategies.NamingBase KEYS = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final Validator validator;

    /** Creates a reader that checks records with the given validator. */
    public ContentYaml(Validator validator) {
        this.validator = validator;
    }

    /**
     * Reads a YAML document into a record and validates it.
     *
     * @param file        the file, for messages
     * @param what        what the document is, for messages: {@code front matter}, {@code quiz}
     * @param linesBefore the lines of the file before the YAML (1 for the {@code ---} that opens a front matter)
     * @param yaml        the YAML text
     * @param type        the record it binds to; its keys are its components' names in snake case
     * @throws ContentValidationException naming the line of the first problem
     */
    public <T> Document<T> read(String file, String what, int linesBefore, String yaml, Class<T> type) {
        Lines lines = locate(file, linesBefore, yaml);
        T value;
        try {
            value = YAML.readValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream()
                    .map(String::valueOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new ContentValidationException(
                    file,
                    lines.ofKey(pointer(e)),
                    "unknown " + what + " key '" + e.getPropertyName() + "'; the keys "
                            + (e.getPath().size() > 1 ? "here " : "") + "are " + known);
        } catch (MismatchedInputException e) {
            throw new ContentValidationException(file, lines.of(pointer(e)), mismatch(what, e));
        } catch (JsonProcessingException e) {
            throw notYaml(file, linesBefore, e);
        }
        if (value == null) {
            throw new ContentValidationException(file, lines.of(""), "the " + what + " must be YAML keys and values");
        }
        Document<T> document = new Document<>(value, file, lines);
        validator.validate(value).stream()
                .map(v -> document.problem(
                        "'" + label(v.getPropertyPath()) + "' " + v.getMessage(),
                        steps(v.getPropertyPath()).toArray()))
                .min(Comparator.comparingInt(ContentValidationException::line)
                        .thenComparing(ContentValidationException::getMessage))
                .ifPresent(problem -> {
                    throw problem;
                });
        return document;
    }

    /** Finds the line of every key and value: a first pass over the tokens, since a bound record keeps none. */
    private static Lines locate(String file, int linesBefore, String yaml) {
        Map<String, Integer> keys = new HashMap<>();
        Map<String, Integer> values = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                int line = parser.currentTokenLocation().getLineNr() + linesBefore;
                if (token == JsonToken.FIELD_NAME) {
                    keys.put(context.pathAsPointer().toString(), line);
                } else if (token.isStructStart()) {
                    // The new object or array is the context now: its own place is in the one around it.
                    values.putIfAbsent(context.getParent().pathAsPointer().toString(), line);
                } else if (!token.isStructEnd()) {
                    values.putIfAbsent(context.pathAsPointer().toString(), line);
                }
            }
        } catch (JsonProcessingException e) {
            throw notYaml(file, linesBefore, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lines(keys, values, Math.max(1, linesBefore));
    }

    private static ContentValidationException notYaml(String file, int linesBefore, JsonProcessingException e) {
        int line = e.getLocation() == null
                ? Math.max(1, linesBefore)
                : e.getLocation().getLineNr() + linesBefore;
        // SnakeYAML's message shows the text with a caret under it; its unindented lines say what is wrong.
        String reason = e.getOriginalMessage()
                .lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining(": "));
        return new ContentValidationException(file, line, "not valid YAML: " + reason);
    }

    private static String mismatch(String what, MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return "the " + what + " must be YAML keys and values";
        }
        List<JsonMappingException.Reference> path = e.getPath();
        JsonMappingException.Reference last = path.getLast();
        String label = last.getFieldName() != null
                ? last.getFieldName()
                : (path.size() > 1 ? path.get(path.size() - 2).getFieldName() : "") + "[" + last.getIndex() + "]";
        String given = e instanceof InvalidFormatException invalid ? ", not '" + invalid.getValue() + "'" : "";
        return "'" + label + "' must be " + expected(e.getTargetType()) + given;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .toList();
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "YAML keys and values";
    }

    /** Returns the key of the value that broke a constraint: the last property, with its index in a list. */
    private static String label(Path path) {
        String label = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                label = KEYS.translate(node.getName());
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                label += "[" + node.getIndex() + "]";
            }
        }
        return label;
    }

    private static List<Object> steps(Path path) {
        List<Object> steps = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                steps.add(node.getIndex() != null ? node.getIndex() : String.valueOf(node.getKey()));
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                steps.add(KEYS.translate(node.getName()));
            }
        }
        return steps;
    }

    private static String pointer(JsonMappingException e) {
        return pointer(e.getPath().stream()
                .map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : r.getIndex())
                .toArray());
    }

    /** Writes a JSON pointer, as Jackson's parsing context names a place: {@code /questions/0/options}. */
    private static String pointer(Object... steps) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : steps) {
            pointer.append('/').append(String.valueOf(step).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /**
     * Holds the lines of a document's keys and values by JSON pointer.
     *
     * @param root the line for a problem of the whole document, such as a missing key at its top
     */
    private record Lines(Map<String, Integer> keys, Map<String, Integer> values, int root) {

        /** Returns the line of the value at a pointer, or of the nearest enclosing value there is. */
        int of(String pointer) {
            for (String at = pointer; !at.isEmpty(); at = at.substring(0, at.lastIndexOf('/'))) {
                Integer line = values.get(at);
                if (line != null) {
                    return line;
                }
            }
            return root;
        }

        /** Returns the line of the key at a pointer. */
        int ofKey(String pointer) {
            Integer line = keys.get(pointer);
            return line != null ? line : of(pointer);
        }
    }

    /**
     * Holds a record read from YAML, with the line of each of its values, for the checks its constraints cannot
     * express.
     */
    public static final class Document<T> {

        private final T value;
        private final String file;
        private final Lines lines;

        private Document(T value, String file, Lines lines) {
            this.value = value;
            this.file = file;
            this.lines = lines;
        }

        /** Returns the record. */
        public T value() {
            return value;
        }

        /**
         * Returns the file line of the value at a path of keys and list indexes, e.g. {@code ("questions", 2,
         * "options")}; for a value that is not there, the line of the nearest one around it.
         */
        public int line(Object... path) {
            return lines.of(pointer(path));
        }

        /** Returns a problem located at the value at a path of keys and list indexes. */
        public ContentValidationException problem(String message, Object... path) {
            return new ContentValidationException(file, line(path), message);
        }
    }
}
