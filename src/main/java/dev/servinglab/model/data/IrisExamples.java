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
 * as request examples. Each is a row of {@code datasets/iris.csv}. The JSON texts are compile-time constants, so
 * that OpenAPI annotations can use them; everything else reads {@link #flowers()}.
 */
public final class IrisExamples {

    /** The flower the lessons follow through the pipeline. */
    public static final String SETOSA =
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
    /** A versicolor. */
    public static final String VERSICOLOR =
            "{\"sepal_length\":5.9,\"sepal_width\":3.0,\"petal_length\":4.2,\"petal_width\":1.5}";
    /** A virginica. */
    public static final String VIRGINICA =
            "{\"sepal_length\":6.7,\"sepal_width\":3.0,\"petal_length\":5.2,\"petal_width\":2.3}";

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
