package dev.servinglab.predict.widget;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.List;
import java.util.StringJoiner;

/**
 * Asks the trace API what the trace lab should show, for the tests that compare the lab with the API.
 */
final class ApiTraces {

    private ApiTraces() {}

    /** Returns the API's trace of a body, {@code query} being the query string or empty. */
    static JsonPath trace(String body, String query) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/predict/trace" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Writes values as the stage cards do: rounded to four decimals, in JSON. */
    static String rounded(List<Double> values) {
        StringJoiner joined = new StringJoiner(",", "[", "]");
        for (double value : values) {
            joined.add(Double.toString(Math.round(value * 10_000) / 10_000.0));
        }
        return joined.toString();
    }
}
