package dev.servinglab.predict;

import static dev.servinglab.model.data.IrisExamples.SETOSA;
import static dev.servinglab.model.data.IrisExamples.SETOSA_PETAL_LENGTH;
import static dev.servinglab.model.data.IrisExamples.SETOSA_PETAL_WIDTH;
import static dev.servinglab.model.data.IrisExamples.SETOSA_ROW;
import static dev.servinglab.model.data.IrisExamples.SETOSA_SEPAL_LENGTH;
import static dev.servinglab.model.data.IrisExamples.SETOSA_SEPAL_WIDTH;
import static dev.servinglab.model.data.IrisExamples.VIRGINICA;

/**
 * Holds the example requests beyond a single flower that both the API documentation (its "Try it out" examples) and
 * the lesson's API console offer, built on the example flowers of {@link dev.servinglab.model.data.IrisExamples}:
 * the same batch, drift, broken body and tensor everywhere, as the lesson's own curl commands send them.
 *
 * <p>They are compile-time constants, so that OpenAPI annotations can use them.
 */
public final class ExampleRequests {

    /** A petal length, in cm, beyond any flower seen in training, yet a plausible measurement. */
    public static final String DRIFT_PETAL_LENGTH = "9.5";

    /** The setosa with a petal longer than any in training: served, with a drift warning. */
    public static final String DRIFT = "{\"sepal_length\":" + SETOSA_SEPAL_LENGTH + ",\"sepal_width\":"
            + SETOSA_SEPAL_WIDTH + ",\"petal_length\":" + DRIFT_PETAL_LENGTH + ",\"petal_width\":"
            + SETOSA_PETAL_WIDTH + "}";

    /**
     * The setosa with a negative length, a word for a width, no petal width and a field no flower has: four broken
     * rules, all reported at once.
     */
    public static final String INVALID = "{\"sepal_length\":-1,\"sepal_width\":\"wide\",\"petal_length\":"
            + SETOSA_PETAL_LENGTH + ",\"colour\":\"blue\"}";

    /** The setosa and the virginica in one batch. */
    public static final String BATCH = "{\"instances\":[" + SETOSA + "," + VIRGINICA + "]}";

    /** The setosa as an Open Inference Protocol request: one FP32 tensor of shape [1, 4]. */
    public static final String INFERENCE = "{\"id\":\"42\",\"inputs\":[{\"name\":\"features\",\"shape\":[1,4],"
            + "\"datatype\":\"FP32\",\"data\":[" + SETOSA_ROW + "]}]}";

    private ExampleRequests() {}
}
