package dev.servinglab.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.testsupport.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@QuarkusTest
class PlatformEndpointsTest {

    private static final String LOGREG_SERVED = "endpoint=\"predict\",model=\"logreg\",outcome=\"served\"";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void swaggerUiLoads() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }

    /**
     * Checks every operation the OpenAPI document lists, so that a new endpoint cannot go undocumented: a summary
     * and a description, one tag, a 2xx answer, examples for a JSON body, and the 4xx answers of an operation that
     * takes input.
     */
    @TestFactory
    Stream<DynamicTest> everyOperationIsDocumented() {
        JsonPath openapi = OpenApiDocument.fetch();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        assertThat(paths.keySet(), hasItems("/api/v1/predict", "/v2/models/{model}/infer", "/api/v1/trainings"));
        List<DynamicTest> tests = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> tests.add(dynamicTest(
                        method.toUpperCase(Locale.ROOT) + " " + path, () -> assertDocumented(openapi, path, method)))));
        return tests.stream();
    }

    private static void assertDocumented(JsonPath openapi, String path, String method) {
        String operation = "paths.'" + path + "'." + method;
        assertThat(operation, openapi.getString(operation + ".summary"), not(blankOrNullString()));
        assertThat(operation, openapi.getString(operation + ".description"), not(blankOrNullString()));
        assertThat(operation, openapi.getList(operation + ".tags"), hasSize(1));
        Set<String> codes =
                openapi.<String, Object>getMap(operation + ".responses").keySet();
        assertThat(operation, codes, hasItem(startsWith("2")));
        boolean takesInput = openapi.get(operation + ".requestBody") != null
                || openapi.get(operation + ".parameters") != null
                || path.contains("{");
        if (takesInput) {
            assertThat(operation + " documents its 4xx answers", codes, hasItem(startsWith("4")));
        }
        for (String code : codes) {
            if (code.startsWith("4") || code.startsWith("5")) {
                assertThat(
                        operation + " " + code + " documents its body",
                        openapi.getMap(operation + ".responses.'" + code + "'.content"),
                        notNullValue());
            }
        }
        if (openapi.get(operation + ".requestBody.content.'application/json'") != null) {
            assertThat(
                    operation + " shows a request example",
                    openapi.getMap(operation + ".requestBody.content.'application/json'.examples"),
                    notNullValue());
        }
    }

    @Test
    void thePredictExampleIsTheDefaultSoTryItOutWorksAtOnce() {
        JsonPath openapi = OpenApiDocument.fetch();
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
                openapi.getString("paths.'/api/v1/predict'.post.responses.'422'.content.'application/problem+json'"
                        + ".schema.'$ref'"),
                equalTo("#/components/schemas/Problem"));
        assertThat(
                openapi.getString("paths.'/api/v1/models/{name}'.get.responses.'404'.content.'application/problem+json'"
                        + ".schema.'$ref'"),
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
                .body(IrisExamples.SETOSA)
                .when()
                .post("/api/v1/predict?model=logreg")
                .then()
                .statusCode(200);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("serving_lab_prediction_seconds_bucket{" + LOGREG_SERVED))
                .body(containsString("serving_lab_prediction_seconds_count{" + LOGREG_SERVED));
    }
}
