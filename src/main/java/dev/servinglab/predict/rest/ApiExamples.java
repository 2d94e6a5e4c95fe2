package dev.servinglab.predict.rest;

import static dev.servinglab.model.data.IrisExamples.SETOSA;
import static dev.servinglab.model.data.IrisExamples.SETOSA_PETAL_LENGTH;
import static dev.servinglab.model.data.IrisExamples.SETOSA_PETAL_WIDTH;
import static dev.servinglab.model.data.IrisExamples.SETOSA_SEPAL_LENGTH;
import static dev.servinglab.model.data.IrisExamples.SETOSA_SEPAL_WIDTH;
import static dev.servinglab.model.data.IrisExamples.VERSICOLOR;
import static dev.servinglab.model.data.IrisExamples.VIRGINICA;

/**
 * Holds the request examples shown in the OpenAPI document, so that "Try it out" works at once: the example flowers
 * of {@link dev.servinglab.model.data.IrisExamples}, and variations of the setosa. The answers shown beside them are
 * the running model's own ({@link PredictApiFilter}).
 */
final class ApiExamples {

    /** The setosa with a petal longer than any flower in training: served, with a drift warning. */
    static final String DRIFT = "{\"sepal_length\":" + SETOSA_SEPAL_LENGTH + ",\"sepal_width\":" + SETOSA_SEPAL_WIDTH
            + ",\"petal_length\":9.5,\"petal_width\":" + SETOSA_PETAL_WIDTH + "}";
    /** The setosa with a negative length, a word for a width and no petal width: three broken rules. */
    static final String INVALID =
            "{\"sepal_length\":-1,\"sepal_width\":\"wide\",\"petal_length\":" + SETOSA_PETAL_LENGTH + "}";
    /** All three example flowers in one batch. */
    static final String BATCH = "{\"instances\":[" + SETOSA + "," + VERSICOLOR + "," + VIRGINICA + "]}";

    private ApiExamples() {}
}
