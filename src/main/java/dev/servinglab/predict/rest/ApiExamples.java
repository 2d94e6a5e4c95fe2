package dev.servinglab.predict.rest;

/**
 * Holds the request examples shown in the OpenAPI document, so that "Try it out" works at once.
 */
final class ApiExamples {

    static final String SETOSA = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
    static final String VIRGINICA =
            "{\"sepal_length\":6.7,\"sepal_width\":3.0,\"petal_length\":5.2,\"petal_width\":2.3}";
    static final String DRIFT = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":9.5,\"petal_width\":0.2}";
    static final String INVALID = "{\"sepal_length\":-1,\"sepal_width\":\"wide\",\"petal_length\":1.4}";
    static final String BATCH = "{\"instances\":[" + SETOSA + ","
            + "{\"sepal_length\":5.9,\"sepal_width\":3.0,\"petal_length\":4.2,\"petal_width\":1.5}," + VIRGINICA + "]}";

    private ApiExamples() {}
}
