package dev.servinglab.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void swaggerUiLoads() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "post, /api/v1/predict",
        "post, /api/v1/predict/batch",
        "post, /api/v1/predict/trace",
        "get, /api/v1/models",
        "get, /api/v1/models/{name}",
        "get, /v2",
        "get, /v2/health/live",
        "get, /v2/health/ready",
        "get, /v2/models/{model}",
        "get, /v2/models/{model}/ready",
        "post, /v2/models/{model}/infer",
        "get, /api/v1/quizzes/{slug}",
        "post, /api/v1/quizzes/{slug}/questions/{id}/answer",
        "post, /api/v1/quizzes/{slug}/review",
        "get, /api/v1/exercises/{id}",
        "post, /api/v1/exercises/{id}/answers",
        "get, /api/v1/exercises/{id}/hints/{metric}",
        "get, /api/v1/thresholds/{dataset}",
        "get, /api/v1/thresholds/{dataset}/challenge",
        "get, /api/v1/paradox",
        "get, /api/v1/leakage",
        "get, /api/v1/trainings/{id}",
        "get, /api/v1/trainings/{id}/events"
    })
    void everyOperationIsDocumented(String method, String path) {
        JsonPath openapi = openapi();
        String operation = "paths.'" + path + "'." + method;
        assertThat(openapi.getString(operation + ".summary"), notNullValue());
        assertThat(openapi.getString(operation + ".description"), notNullValue());
        assertThat(openapi.getList(operation + ".tags").size(), equalTo(1));
        assertThat(openapi.getMap(operation + ".responses.'200'"), notNullValue());
        if (method.equals("post")) {
            assertThat(openapi.getMap(operation + ".requestBody.content.'application/json'.examples"), notNullValue());
            Map<String, Object> responses = openapi.getMap(operation + ".responses");
            assertThat(path, responses.keySet().stream().anyMatch(code -> code.startsWith("4")), equalTo(true));
        }
    }

    @Test
    void thePredictExampleIsTheDefaultSoTryItOutWorksAtOnce() {
        JsonPath openapi = openapi();
        Map<String, Object> example = openapi.getMap(
                "paths.'/api/v1/predict'.post.requestBody.content.'application/json'.examples.setosa.value");
        given().contentType(ContentType.JSON)
                .body(example)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .body("predicted_class", equalTo("setosa"));
        assertThat(
                openapi.getString(
                        "paths.'/api/v1/predict'.post.responses.'422'.content.'application/problem+json'.schema.'$ref'"),
                equalTo("#/components/schemas/Problem"));
        assertThat(openapi.getList("components.schemas.PredictRequest.required"), hasItem("petal_width"));
        assertThat(openapi.getMap("components.schemas"), not(hasKey("JsonNode")));
    }

    @Test
    void healthIsUpOnceTheModelsAreTrained() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsHaveALatencyHistogramPerEndpointAndModel() {
        given().contentType(ContentType.JSON)
                .body("{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}")
                .when()
                .post("/api/v1/predict?model=logreg")
                .then()
                .statusCode(200);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        containsString(
                                "serving_lab_prediction_seconds_bucket{endpoint=\"predict\",model=\"logreg\",outcome=\"served\""))
                .body(
                        containsString(
                                "serving_lab_prediction_seconds_count{endpoint=\"predict\",model=\"logreg\",outcome=\"served\""));
    }

    private static JsonPath openapi() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
