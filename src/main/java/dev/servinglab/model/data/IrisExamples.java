package dev.servinglab.model.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the example flowers, one of each species, as every part of the app shows them: the lessons follow
 * {@link #SETOSA} through the pipeline, the trace lab offers all three as presets, the API documentation uses them
 * as request examples. Each is a row of {@code datasets/iris.csv}.
 *
 * <p>Each measurement is written once, as a compile-time constant, and the JSON bodies and rows are built from
 * those constants by the compiler, so that OpenAPI annotations can use them; everything else reads
 * {@link #flowers()}.
 */
public final class IrisExamples {

    /** The setosa's sepal length, in cm. */
    public static final String SETOSA_SEPAL_LENGTH = "5.1";
    /** The setosa's sepal width, in cm. */
    public static final String SETOSA_SEPAL_WIDTH = "3.5";
    /** The setosa's petal length, in cm. */
    public static final String SETOSA_PETAL_LENGTH = "1.4";
    /** The setosa's petal width, in cm. */
    public static final String SETOSA_PETAL_WIDTH = "0.2";

    /** The versicolor's sepal length, in cm. */
    public static final String VERSICOLOR_SEPAL_LENGTH = "5.9";
    /** The versicolor's sepal width, in cm. */
    public static final String VERSICOLOR_SEPAL_WIDTH = "3.0";
    /** The versicolor's petal length, in cm. */
    public static final String VERSICOLOR_PETAL_LENGTH = "4.2";
    /** The versicolor's petal width, in cm. */
    public static final String VERSICOLOR_PETAL_WIDTH = "1.5";

    /** The virginica's sepal length, in cm. */
    public static final String VIRGINICA_SEPAL_LENGTH = "6.7";
    /** The virginica's sepal width, in cm. */
    public static final String VIRGINICA_SEPAL_WIDTH = "3.0";
    /** The virginica's petal length, in cm. */
    public static final String VIRGINICA_PETAL_LENGTH = "5.2";
    /** The virginica's petal width, in cm. */
    public static final String VIRGINICA_PETAL_WIDTH = "2.3";

    // The field names, each with what goes before it in a request body.
    private static final String SEPAL_LENGTH = "{\"sepal_length\":";
    private static final String SEPAL_WIDTH = ",\"sepal_width\":";
    private static final String PETAL_LENGTH = ",\"petal_length\":";
    private static final String PETAL_WIDTH = ",\"petal_width\":";

    /** The flower the lessons follow through the pipeline, as a request body. */
    public static final String SETOSA = SEPAL_LENGTH + SETOSA_SEPAL_LENGTH + SEPAL_WIDTH + SETOSA_SEPAL_WIDTH
            + PETAL_LENGTH + SETOSA_PETAL_LENGTH + PETAL_WIDTH + SETOSA_PETAL_WIDTH + "}";
    /** A versicolor, as a request body. */
    public static final String VERSICOLOR = SEPAL_LENGTH + VERSICOLOR_SEPAL_LENGTH + SEPAL_WIDTH
            + VERSICOLOR_SEPAL_WIDTH + PETAL_LENGTH + VERSICOLOR_PETAL_LENGTH + PETAL_WIDTH + VERSICOLOR_PETAL_WIDTH
            + "}";
    /** A virginica, as a request body. */
    public static final String VIRGINICA = SEPAL_LENGTH + VIRGINICA_SEPAL_LENGTH + SEPAL_WIDTH + VIRGINICA_SEPAL_WIDTH
            + PETAL_LENGTH + VIRGINICA_PETAL_LENGTH + PETAL_WIDTH + VIRGINICA_PETAL_WIDTH + "}";

    /** The setosa's measurements in column order, separated by commas: the inside of a JSON array. */
    public static final String SETOSA_ROW =
            SETOSA_SEPAL_LENGTH + "," + SETOSA_SEPAL_WIDTH + "," + SETOSA_PETAL_LENGTH + "," + SETOSA_PETAL_WIDTH;
    /** The versicolor's measurements in column order, separated by commas. */
    public static final String VERSICOLOR_ROW = VERSICOLOR_SEPAL_LENGTH + "," + VERSICOLOR_SEPAL_WIDTH + ","
            + VERSICOLOR_PETAL_LENGTH + "," + VERSICOLOR_PETAL_WIDTH;
    /** The virginica's measurements in column order, separated by commas. */
    public static final String VIRGINICA_ROW = VIRGINICA_SEPAL_LENGTH + "," + VIRGINICA_SEPAL_WIDTH + ","
            + VIRGINICA_PETAL_LENGTH + "," + VIRGINICA_PETAL_WIDTH;

    private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\":([0-9.]+)");
    private static final List<Flower> FLOWERS =
            List.of(flower("setosa", SETOSA), flower("versicolor", VERSICOLOR), flower("virginica", VIRGINICA));

    private IrisExamples() {}

    /**
     * Names one example flower.
     *
     * @param species      its species
     * @param json         its request body
     * @param measurements its four measurements in cm, by feature name, in the data set's column order
     */
    public record Flower(String species, String json, Map<String, Double> measurements) {

        /** Returns its measurements in column order. */
        public double[] features() {
            return measurements.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
        }
    }

    /** Returns the example flowers, setosa first. */
    public static List<Flower> flowers() {
        return FLOWERS;
    }

    /** Returns the flower the lessons follow, the setosa. */
    public static Flower example() {
        return FLOWERS.getFirst();
    }

    private static Flower flower(String species, String json) {
        Map<String, Double> measurements = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(json);
        while (field.find()) {
            measurements.put(field.group(1), Double.valueOf(field.group(2)));
        }
        return new Flower(species, json, Collections.unmodifiableMap(measurements));
    }
}
