package dev.servinglab.predict;

import dev.servinglab.model.data.IrisExamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds request bodies from the example flowers of {@link IrisExamples} for the tests, so that no test writes a
 * measurement out again: the flowers as they are, and the setosa with one field changed, dropped, added or doubled.
 */
public final class Flowers {

    private Flowers() {}

    /** Returns the setosa's request body. */
    public static String setosa() {
        return IrisExamples.SETOSA;
    }

    /** Returns the virginica's request body. */
    public static String virginica() {
        return IrisExamples.VIRGINICA;
    }

    /** Returns the setosa's measurements in column order. */
    public static double[] setosaRow() {
        return IrisExamples.example().features();
    }

    /** Returns the virginica's measurements in column order. */
    public static double[] virginicaRow() {
        return IrisExamples.flowers().getLast().features();
    }

    /** Returns the setosa's body with one field's value replaced by a raw JSON token, such as {@code NaN}. */
    public static String setosaWith(String field, String token) {
        Map<String, String> fields = setosaFields();
        if (fields.replace(field, token) == null) {
            throw new IllegalArgumentException("the setosa has no field " + field);
        }
        return object(fields.entrySet().stream()
                .map(e -> entry(e.getKey(), e.getValue()))
                .toList());
    }

    /** Returns the setosa's body without one field. */
    public static String setosaWithout(String field) {
        Map<String, String> fields = setosaFields();
        fields.remove(field);
        return object(fields.entrySet().stream()
                .map(e -> entry(e.getKey(), e.getValue()))
                .toList());
    }

    /** Returns the setosa's body with one more field after its own, which may repeat one of them. */
    public static String setosaAnd(String field, String token) {
        List<String> entries = new ArrayList<>(setosaFields().entrySet().stream()
                .map(e -> entry(e.getKey(), e.getValue()))
                .toList());
        entries.add(entry(field, token));
        return object(entries);
    }

    /** Returns the setosa's body with its fields in the reverse order. */
    public static String setosaReversed() {
        List<String> entries = new ArrayList<>(setosaFields().entrySet().stream()
                .map(e -> entry(e.getKey(), e.getValue()))
                .toList());
        return object(entries.reversed());
    }

    /** Returns measurements as the inside of a JSON array: {@code 5.1,3.5,…}. */
    public static String csv(double[] row) {
        StringJoiner joined = new StringJoiner(",");
        for (double value : row) {
            joined.add(Double.toString(value));
        }
        return joined.toString();
    }

    /** Returns measurements as floats, the way REST Assured reads JSON numbers. */
    public static Float[] floats(double[] row) {
        Float[] values = new Float[row.length];
        for (int j = 0; j < row.length; j++) {
            values[j] = (float) row[j];
        }
        return values;
    }

    private static Map<String, String> setosaFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        IrisExamples.example().measurements().forEach((name, value) -> fields.put(name, Double.toString(value)));
        return fields;
    }

    private static String entry(String field, String token) {
        return "\"" + field + "\":" + token;
    }

    private static String object(List<String> entries) {
        return "{" + String.join(",", entries) + "}";
    }
}
