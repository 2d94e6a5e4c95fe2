package dev.servinglab.predict.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.servinglab.model.data.DatasetInfo;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.JsonErrors;
import dev.servinglab.web.problem.MalformedRequestException;
import dev.servinglab.web.problem.Violations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The <em>parse</em> stage: reads a JSON object of named measurements into a row of features in the model's
 * column order, checking every value.
 *
 * <p>It reads the body token by token rather than binding it to a class: that is the cheapest way on the
 * predict path, and it lets every error name its field and the rule it broke.
 */
public final class FeatureParser {

    /** A response lists at most this many violations, and says how many more there were. */
    static final int MAX_REPORTED = 25;

    // NaN and Infinity literals are read as numbers so that they get an error naming their field.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final List<String> features;
    private final String unit;
    private final String expectedFields;
    private final DatasetInfo.Bounds bounds;

    /**
     * Creates a parser of a data set's features, in column order, each checked against the data set's bounds.
     */
    public FeatureParser(DatasetInfo data) {
        this.features = List.copyOf(data.featureNames());
        this.unit = data.unit();
        this.expectedFields = String.join(", ", features);
        this.bounds = data.bounds();
    }

    /**
     * Reads one instance: {@code {"sepal_length": 5.1, …}} → a 1 × p row.
     *
     * @throws MalformedRequestException if the body is not a JSON object
     * @throws InvalidInputException     if a field is missing, unknown or out of its rules
     */
    public double[] parseInstance(byte[] body) {
        try (JsonParser json = JSON.createParser(body)) {
            Violations violations = new Violations(MAX_REPORTED);
            expectObject(json.nextToken(), "$", "a JSON object such as " + example());
            double[] row = readInstance(json, "", violations);
            expectEnd(json);
            violations.throwIfAny();
            return row;
        } catch (JsonProcessingException e) {
            // Syntax errors, and Jackson's limits (a 1,000-digit number, nesting 1,000 deep): not our failure.
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a batch: {@code {"instances": [{…}, {…}]}} → an n × p matrix.
     *
     * @param maxInstances the largest batch accepted
     */
    public double[][] parseBatch(byte[] body, int maxInstances) {
        try (JsonParser json = JSON.createParser(body)) {
            Violations violations = new Violations(MAX_REPORTED);
            expectObject(json.nextToken(), "$", "a JSON object such as {\"instances\": [" + example() + "]}");
            List<double[]> rows = null;
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (!name.equals("instances")) {
                    violations.add(name, "unknown-field", "is not a field of this request; expected instances");
                    json.skipChildren();
                } else if (rows != null) {
                    violations.add(name, "duplicate", "appears more than once");
                    json.skipChildren();
                } else if (value != JsonToken.START_ARRAY) {
                    violations.add(name, "type", "must be an array of instances");
                    json.skipChildren();
                    rows = List.of();
                } else {
                    rows = readInstances(json, maxInstances, violations);
                }
            }
            requireEndOfObject(token);
            expectEnd(json);
            if (rows == null) {
                violations.add("instances", "required", "is required: an array of 1 to " + maxInstances + " instances");
            } else if (rows.isEmpty() && !violations.any()) {
                violations.add("instances", "min-items", "must hold at least 1 instance");
            }
            violations.throwIfAny();
            return rows.toArray(double[][]::new);
        } catch (JsonProcessingException e) {
            // Syntax errors, and Jackson's limits (a 1,000-digit number, nesting 1,000 deep): not our failure.
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks one already-decoded row against the same rules as a JSON instance.
     *
     * @param path the field path of the row, for messages
     */
    void check(double[] row, String path, Violations violations) {
        for (int j = 0; j < row.length; j++) {
            checkValue(row[j], path + features.get(j), violations);
        }
    }

    private List<double[]> readInstances(JsonParser json, int maxInstances, Violations violations) throws IOException {
        List<double[]> rows = new ArrayList<>();
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            String path = "instances[" + rows.size() + "]";
            if (rows.size() == maxInstances) {
                // Stop reading at once: the rest of an oversized batch is not worth parsing.
                throw new InvalidInputException(
                        "instances", "max-items", "must hold at most " + maxInstances + " instances");
            }
            if (token != JsonToken.START_OBJECT) {
                violations.add(path, "type", "must be a JSON object such as " + example());
                json.skipChildren();
                rows.add(new double[features.size()]);
            } else {
                rows.add(readInstance(json, path + ".", violations));
            }
        }
        return rows;
    }

    /** Reads the fields of an object whose START_OBJECT has just been read. */
    private double[] readInstance(JsonParser json, String prefix, Violations violations) throws IOException {
        double[] row = new double[features.size()];
        boolean[] seen = new boolean[features.size()];
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            int column = features.indexOf(name);
            if (column < 0) {
                violations.add(
                        prefix + name, "unknown-field", "is not a field of this request; expected " + expectedFields);
                json.skipChildren();
                continue;
            }
            if (seen[column]) {
                violations.add(prefix + name, "duplicate", "appears more than once");
                json.skipChildren();
                continue;
            }
            seen[column] = true;
            switch (value) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    row[column] = json.getDoubleValue();
                    checkValue(row[column], prefix + name, violations);
                }
                case VALUE_NULL -> violations.add(prefix + name, "not-null", "must not be null; send a number");
                case VALUE_STRING ->
                    violations.add(prefix + name, "type", "must be a number, not a string (write 5.1, not \"5.1\")");
                default -> {
                    violations.add(prefix + name, "type", "must be a number");
                    json.skipChildren();
                }
            }
        }
        requireEndOfObject(token);
        String required = unit.isEmpty() ? "is required (a number)" : "is required (a number in " + unit + ")";
        for (int j = 0; j < seen.length; j++) {
            if (!seen[j]) {
                violations.add(prefix + features.get(j), "required", required);
            }
        }
        return row;
    }

    private void checkValue(double value, String field, Violations violations) {
        if (!Double.isFinite(value)) {
            violations.add(field, "finite", "must be a finite number; NaN and infinity are not measurements");
        } else if (bounds.belowMinimum(value)) {
            violations.add(field, "minimum", bounds.belowMinimum());
        } else if (value > bounds.maximum()) {
            violations.add(field, "maximum", bounds.aboveMaximum());
        }
    }

    private static void expectObject(JsonToken token, String field, String expected) {
        if (token == null) {
            throw new MalformedRequestException("The request body is empty; send " + expected + ".");
        }
        if (token != JsonToken.START_OBJECT) {
            throw new InvalidInputException(field, "type", "must be " + expected);
        }
    }

    private static void requireEndOfObject(JsonToken token) {
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedRequestException("The JSON object is not closed.");
        }
    }

    private static void expectEnd(JsonParser json) throws IOException {
        if (json.nextToken() != null) {
            throw new MalformedRequestException("Unexpected content after the JSON object, at line "
                    + json.currentLocation().getLineNr() + ", column "
                    + json.currentLocation().getColumnNr() + ".");
        }
    }

    private static MalformedRequestException malformed(JsonProcessingException e) {
        return new MalformedRequestException("The body is not valid JSON: " + JsonErrors.describe(e) + ".");
    }

    private String example() {
        StringBuilder text = new StringBuilder("{");
        for (int j = 0; j < features.size() && j < 2; j++) {
            text.append(j == 0 ? "" : ", ").append('"').append(features.get(j)).append("\": …");
        }
        return text.append(features.size() > 2 ? ", …}" : "}").toString();
    }
}
