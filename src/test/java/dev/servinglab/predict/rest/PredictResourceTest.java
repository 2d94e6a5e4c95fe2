package dev.servinglab.predict.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.predict.Flowers;
import dev.servinglab.predict.service.PredictLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class PredictResourceTest {

    static final String SETOSA = Flowers.setosa();
    static final String VIRGINICA = Flowers.virginica();
    private static final String PROBLEM = "application/problem+json";

    @Inject
    PredictLimits limits;

    @Test
    void predictsTheSpeciesWithEveryProbability() {
        given().contentType(ContentType.JSON)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("predicted_class", equalTo("setosa"))
                .body("probabilities.keySet()", contains("setosa", "versicolor", "virginica"))
                .body("probabilities.setosa", greaterThan(0.9f))
                .body("model", equalTo("mlp"))
                .body("model_version", equalTo("1"))
                .body("warnings", nullValue());
        given().contentType(ContentType.JSON)
                .body(VIRGINICA)
                .when()
                .post("/api/v1/predict?model=logreg")
                .then()
                .statusCode(200)
                .body("predicted_class", equalTo("virginica"))
                .body("model", equalTo("logreg"));
    }

    @Test
    void probabilitiesSumToOne() {
        Map<String, Float> p = given().contentType(ContentType.JSON)
                .body(VIRGINICA)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("probabilities", String.class, Float.class);
        assertSumIsOne(p);
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        String first = given().contentType(ContentType.JSON)
                .body(SETOSA)
                .post("/api/v1/predict")
                .asString();
        String second = given().contentType(ContentType.JSON)
                .body(SETOSA)
                .post("/api/v1/predict")
                .asString();
        assertThat(second, equalTo(first));
    }

    @Test
    void servesAFlowerOutsideTheTrainingRangeWithAWarning() {
        given().contentType(ContentType.JSON)
                .body(Flowers.setosaWith("petal_length", "9.5"))
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .body("predicted_class", notNullValue())
                .body("warnings", hasSize(1))
                .body("warnings[0].feature", equalTo("petal_length"))
                .body("warnings[0].value", equalTo(9.5f))
                .body("warnings[0].message", containsString("outside the training range"));
    }

    static Stream<Arguments> invalidBodies() {
        String quoted = "\"" + IrisExamples.SETOSA_SEPAL_LENGTH + "\"";
        return Stream.of(
                arguments("missing field", Flowers.setosaWithout("petal_width"), "petal_width", "required"),
                arguments("null value", Flowers.setosaWith("petal_width", "null"), "petal_width", "not-null"),
                arguments("string value", Flowers.setosaWith("sepal_length", quoted), "sepal_length", "type"),
                arguments("boolean value", Flowers.setosaWith("sepal_length", "true"), "sepal_length", "type"),
                arguments("NaN", Flowers.setosaWith("sepal_length", "NaN"), "sepal_length", "finite"),
                arguments("infinity", Flowers.setosaWith("sepal_width", "Infinity"), "sepal_width", "finite"),
                arguments("overflowing number", Flowers.setosaWith("petal_length", "1e999"), "petal_length", "finite"),
                arguments(
                        "negative value",
                        Flowers.setosaWith("petal_width", "-" + IrisExamples.SETOSA_PETAL_WIDTH),
                        "petal_width",
                        "minimum"),
                arguments("zero", Flowers.setosaWith("sepal_length", "0"), "sepal_length", "minimum"),
                arguments("absurdly large", Flowers.setosaWith("sepal_width", "3500"), "sepal_width", "maximum"),
                arguments("unknown field", Flowers.setosaAnd("species", "\"setosa\""), "species", "unknown-field"),
                arguments("duplicate field", Flowers.setosaAnd("sepal_length", "6"), "sepal_length", "duplicate"),
                arguments("array body", "[" + IrisExamples.SETOSA_ROW + "]", "$", "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidValuesGet422NamingTheFieldAndTheRule(String name, String body, String field, String rule) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("type", equalTo("/problems/invalid-input"))
                .body("instance", equalTo("/api/v1/predict"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.rule", equalTo(rule))
                .body("detail", containsString(field))
                .body(noStackTrace());
        stillServing();
    }

    @Test
    void malformedJsonGets400WithWhereItBroke() {
        given().contentType(ContentType.JSON)
                .body(SETOSA.substring(0, SETOSA.indexOf(',') + 1))
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-request"))
                .body("detail", containsString("not valid JSON"))
                .body("detail", containsString("line 1"));
        given().contentType(ContentType.JSON)
                .body("")
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("empty"));
        stillServing();
    }

    @Test
    void hugeNumbersAndDeepNestingGet400NotA500() {
        given().contentType(ContentType.JSON)
                .body("{\"sepal_length\":1" + "0".repeat(1500) + "}")
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{\"instances\":" + "[".repeat(1500))
                .when()
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("[]")
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(400)
                .body("detail", containsString("$ must be an object"))
                .body("detail", not(containsString("java")));
        stillServing();
    }

    @Test
    void aWrongContentTypeGets415() {
        given().contentType(ContentType.TEXT)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("detail", containsString("application/json"));
        given().contentType(ContentType.URLENC)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
    }

    @Test
    void anOversizedBodyGets413BeforeItIsRead() {
        String padding = " ".repeat(Math.toIntExact(limits.maxBodyBytes()));
        given().contentType(ContentType.JSON)
                .body(padding + SETOSA)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("status", equalTo(413))
                .body("detail", containsString("at most " + limits.maxBodyBytes() + " bytes"));
        stillServing();
    }

    @Test
    void anUnknownModelGets404NamingTheServedOnes() {
        given().contentType(ContentType.JSON)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict?model=gpt")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("gpt"))
                .body("detail", containsString("mlp, logreg"));
    }

    @Test
    void otherMethodsAndPathsGetProblemDetailsToo() {
        given().when().get("/api/v1/predict").then().statusCode(405).contentType(PROBLEM);
        given().when()
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("/api/v1/nothing-here"));
    }

    @Test
    void aBatchAnswersEveryInstanceInOrder() {
        given().contentType(ContentType.JSON)
                .body("{\"instances\":[" + SETOSA + "," + VIRGINICA + "]}")
                .when()
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(200)
                .body("model", equalTo("mlp"))
                .body("model_version", equalTo("1"))
                .body("predictions", hasSize(2))
                .body("predictions.predicted_class", contains("setosa", "virginica"))
                .body("predictions[0].model", nullValue());
    }

    @Test
    void aBatchMustHoldOneToTheConfiguredMostValidInstances() {
        given().contentType(ContentType.JSON)
                .body("{\"instances\":[]}")
                .when()
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("instances"))
                .body("errors[0].rule", equalTo("min-items"));
        int most = limits.maxBatchSize();
        String instances = String.join(",", Collections.nCopies(most + 1, SETOSA));
        given().contentType(ContentType.JSON)
                .body("{\"instances\":[" + instances + "]}")
                .when()
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].rule", equalTo("max-items"))
                .body("errors[0].message", containsString(String.valueOf(most)));
        given().contentType(ContentType.JSON)
                .body("{\"instances\":[" + SETOSA + ",{\"sepal_length\":5}]}")
                .when()
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(422)
                .body("errors.field", everyItem(startsWith("instances[1].")))
                .body("errors", hasSize(3));
        String full = String.join(",", Collections.nCopies(most, SETOSA));
        given().contentType(ContentType.JSON)
                .body("{\"instances\":[" + full + "]}")
                .when()
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(200)
                .body("predictions", hasSize(most));
    }

    @Test
    void theTraceShowsEveryStageAndTheSameAnswer() {
        String plain = given().contentType(ContentType.JSON)
                .body(SETOSA)
                .post("/api/v1/predict")
                .asString();
        ValidatableResponse trace = given().contentType(ContentType.JSON)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict/trace")
                .then()
                .statusCode(200)
                .body("stages.name", contains("parse", "scale", "predict", "respond"))
                .body("stages.input_shape", contains("JSON object, 4 fields", "1 × 4", "1 × 4", "1 × 3"))
                .body("stages.output_shape", contains("1 × 4", "1 × 4", "1 × 3", "JSON object"))
                .body("stages[0].input.sepal_length", equalTo((float) Flowers.setosaRow()[0]))
                .body("stages[0].output[0]", contains(Flowers.floats(Flowers.setosaRow())))
                .body("stages[1].parameters.mean", hasSize(4))
                .body("stages[1].parameters.std", hasSize(4))
                .body("stages.duration_ns", everyItem(greaterThan(0)))
                .body("scaling_skipped", equalTo(false));
        Map<String, Object> prediction = trace.extract().jsonPath().getMap("prediction");
        Map<String, Object> expected = JsonPath.from(plain).getMap("");
        assertThat(prediction, equalTo(expected));
    }

    @Test
    void theTraceCanSkipScalingToShowAMismatch() {
        given().contentType(ContentType.JSON)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict/trace?skip_scaling=true")
                .then()
                .statusCode(200)
                .body("scaling_skipped", equalTo(true))
                .body("stages[1].operation", startsWith("SKIPPED"))
                .body("stages[2].input[0]", contains(Flowers.floats(Flowers.setosaRow())));
        given().contentType(ContentType.JSON)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict/trace?skip_scaling=maybe")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("skip_scaling"));
    }

    static void assertSumIsOne(Map<String, Float> probabilities) {
        double sum =
                probabilities.values().stream().mapToDouble(Float::doubleValue).sum();
        assertThat(sum, closeTo(1.0, 1e-5));
    }

    private static Matcher<String> noStackTrace() {
        return not(containsString("Exception"));
    }

    private static void stillServing() {
        given().contentType(ContentType.JSON)
                .body(SETOSA)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .body("predicted_class", equalTo("setosa"));
    }
}
