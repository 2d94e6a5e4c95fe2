package dev.servinglab.oip.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.servinglab.predict.Flowers;
import dev.servinglab.testsupport.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class InferenceResourceTest {

    private static final String SETOSA = Flowers.setosa();
    private static final String VIRGINICA = Flowers.virginica();
    private static final String SETOSA_DATA = "[" + Flowers.csv(Flowers.setosaRow()) + "]";
    private static final String TWO_FLOWERS =
            "[" + Flowers.csv(Flowers.setosaRow()) + "," + Flowers.csv(Flowers.virginicaRow()) + "]";

    @Test
    void serverMetadataAndHealthFollowTheProtocol() {
        given().when()
                .get("/v2")
                .then()
                .statusCode(200)
                .body("name", equalTo("serving-lab"))
                .body("extensions", hasSize(0))
                .body("$", hasKey("version"));
        given().when().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        given().when().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
        given().when()
                .get("/v2/models/iris/ready")
                .then()
                .statusCode(200)
                .body("name", equalTo("iris"))
                .body("ready", equalTo(true));
        given().when()
                .get("/v2/models/iris/versions/1/ready")
                .then()
                .statusCode(200)
                .body("name", equalTo("iris"))
                .body("ready", equalTo(true));
    }

    @Test
    void modelMetadataDescribesTheTensors() {
        given().when()
                .get("/v2/models/iris")
                .then()
                .statusCode(200)
                .body("name", equalTo("iris"))
                .body("versions", contains("1"))
                .body("platform", equalTo("smile_mlp"))
                .body("inputs[0].datatype", equalTo("FP32"))
                .body("inputs[0].shape", contains(-1, 4))
                .body("outputs.name", contains("probabilities", "predicted_class"))
                .body("outputs[0].shape", contains(-1, 3));
        given().when()
                .get("/v2/models/logreg")
                .then()
                .statusCode(200)
                .body("platform", equalTo("smile_logistic_regression"));
    }

    @Test
    void aModelsVersionedRoutesAnswerAsItsUnversionedOnes() {
        String metadata = given().get("/v2/models/logreg")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        given().when()
                .get("/v2/models/logreg/versions/1")
                .then()
                .statusCode(200)
                .body(equalTo(metadata));
        String body = "{\"id\":\"v\",\"inputs\":[{\"name\":\"x\",\"shape\":[2,4],\"datatype\":\"FP64\",\"data\":"
                + TWO_FLOWERS + "}]}";
        String inferred = given().contentType(ContentType.JSON)
                .body(body)
                .post("/v2/models/logreg/infer")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v2/models/logreg/versions/1/infer")
                .then()
                .statusCode(200)
                .body(equalTo(inferred));
    }

    @Test
    void infersATensorAndEchoesTheId() {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"req-7\",\"inputs\":[{\"name\":\"features\",\"shape\":[2,4],\"datatype\":\"FP64\","
                        + "\"data\":" + TWO_FLOWERS.replace("],[", ",") + "}]}")
                .when()
                .post("/v2/models/iris/infer")
                .then()
                .statusCode(200)
                .body("model_name", equalTo("iris"))
                .body("model_version", equalTo("1"))
                .body("id", equalTo("req-7"))
                .body("outputs[0].name", equalTo("probabilities"))
                .body("outputs[0].datatype", equalTo("FP64"))
                .body("outputs[0].shape", contains(2, 3))
                .body("outputs[0].data", hasSize(6))
                .body("outputs[1].data", contains("setosa", "virginica"));
    }

    @Test
    void predictBatchTraceAndInferAgreeOnTheSameFlowers() {
        List<Float> inferred = given().contentType(ContentType.JSON)
                .body("{\"inputs\":[{\"name\":\"x\",\"shape\":[2,4],\"datatype\":\"FP64\",\"data\":[" + SETOSA_DATA
                        + "," + "[" + Flowers.csv(Flowers.virginicaRow()) + "]]}]}")
                .post("/v2/models/iris/infer")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("outputs[0].data", Float.class);
        JsonPath batch = given().contentType(ContentType.JSON)
                .body("{\"instances\":[" + SETOSA + "," + VIRGINICA + "]}")
                .post("/api/v1/predict/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String[] flowers = {SETOSA, VIRGINICA};
        for (int i = 0; i < 2; i++) {
            Map<String, Float> single = given().contentType(ContentType.JSON)
                    .body(flowers[i])
                    .post("/api/v1/predict")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("probabilities", String.class, Float.class);
            Map<String, Float> traced = given().contentType(ContentType.JSON)
                    .body(flowers[i])
                    .post("/api/v1/predict/trace")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("prediction.probabilities", String.class, Float.class);
            Map<String, Float> fromBatch =
                    batch.getMap("predictions[" + i + "].probabilities", String.class, Float.class);
            assertThat(traced, equalTo(single));
            assertThat(fromBatch, equalTo(single));
            List<String> classes = List.of("setosa", "versicolor", "virginica");
            for (int k = 0; k < 3; k++) {
                assertThat(inferred.get(i * 3 + k), equalTo(single.get(classes.get(k))));
            }
        }
    }

    @Test
    void fp32InputsAreReadAsSinglePrecision() {
        float p = given().contentType(ContentType.JSON)
                .body("{\"inputs\":[{\"name\":\"x\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":" + SETOSA_DATA
                        + "}],\"outputs\":[{\"name\":\"probabilities\"}]}")
                .post("/v2/models/iris/infer")
                .then()
                .statusCode(200)
                .body("outputs", hasSize(1))
                .extract()
                .jsonPath()
                .getFloat("outputs[0].data[0]");
        float single = given().contentType(ContentType.JSON)
                .body(SETOSA)
                .post("/api/v1/predict")
                .then()
                .extract()
                .jsonPath()
                .getFloat("probabilities.setosa");
        assertThat((double) p, closeTo(single, 1e-5));
    }

    static Stream<Arguments> badRequests() {
        double[] negative = Flowers.setosaRow();
        negative[2] = -negative[2];
        String withString = SETOSA_DATA.replaceFirst(",[^,]+,", ",\"a\",");
        return Stream.of(
                arguments("no inputs", "{\"inputs\":[]}", "exactly one tensor"),
                arguments("null input", "{\"inputs\":[null]}", "inputs[0] must be a tensor object"),
                arguments("wrong datatype", tensor("[1,4]", "INT64", "[5,3,1,0]"), "FP32 or FP64"),
                arguments("wrong shape", tensor("[4]", "FP32", SETOSA_DATA), "must be [n, 4]"),
                arguments("too few values", tensor("[2,4]", "FP32", SETOSA_DATA), "holds 4 values"),
                arguments("non-numeric value", tensor("[1,4]", "FP32", withString), "numbers only"),
                arguments(
                        "negative value",
                        tensor("[1,4]", "FP32", "[" + Flowers.csv(negative) + "]"),
                        "petal_length must be greater than 0"),
                arguments(
                        "unknown output",
                        tensor("[1,4]", "FP32", SETOSA_DATA).replaceFirst("}$", ",\"outputs\":[{\"name\":\"z\"}]}"),
                        "outputs[0].name"),
                arguments("inputs not a list", "{\"inputs\":{\"name\":\"x\"}}", "inputs must be an array"),
                arguments("malformed JSON", "{\"inputs\":[", "not the JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGet400WithTheProtocolsErrorObject(String name, String body, String message) {
        for (String path : List.of("/v2/models/iris/infer", "/v2/models/iris/versions/1/infer")) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType(ContentType.JSON)
                    .body("error", containsString(message))
                    .body("$", aMapWithSize(1));
        }
    }

    @Test
    void anUnknownModelOrVersionGets404() {
        given().when().get("/v2/models/nope").then().statusCode(404).body("error", containsString("nope"));
        given().when().get("/v2/models/nope/ready").then().statusCode(404).body("error", containsString("nope"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/v2/models/nope/infer")
                .then()
                .statusCode(404)
                .body("error", containsString("nope"));
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/v2/models/iris/versions/9", "/v2/models/iris/versions/9/ready"})
    void anUnknownVersionGets404NamingTheServedOne(String path) {
        given().when()
                .get(path)
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", containsString("iris/versions/9"))
                .body("error", containsString("iris/versions/1"));
    }

    @Test
    void inferringOnAnUnknownVersionGets404() {
        given().contentType(ContentType.JSON)
                .body(tensor("[1,4]", "FP32", SETOSA_DATA))
                .when()
                .post("/v2/models/iris/versions/9/infer")
                .then()
                .statusCode(404)
                .body("error", containsString("iris/versions/9"));
    }

    @Test
    void everyModelRouteIsDocumentedWithAndWithoutItsVersion() {
        JsonPath openapi = OpenApiDocument.fetch();
        for (String prefix : List.of("/v2/models/{model}", "/v2/models/{model}/versions/{version}")) {
            for (String route :
                    List.of("'" + prefix + "'.get", "'" + prefix + "/ready'.get", "'" + prefix + "/infer'.post")) {
                String operation = "paths." + route;
                assertThat(route, openapi.getList(operation + ".tags"), contains(InferenceResource.TAG));
                Map<String, Object> responses = openapi.getMap(operation + ".responses");
                assertThat(route, responses, hasKey("200"));
                assertThat(route, responses, hasKey("404"));
            }
            List<String> parameters = openapi.getList("paths.'" + prefix + "'.parameters.name");
            assertThat(
                    prefix,
                    parameters,
                    prefix.contains("{version}") ? containsInAnyOrder("model", "version") : contains("model"));
        }
        assertThat(openapi.getMap("paths"), not(hasKey("/v2/models/{model}{version}")));
    }

    @Test
    void theInferenceExampleIsAnsweredAsTheDocumentShows() {
        JsonPath openapi = OpenApiDocument.fetch();
        String operation = "paths.'/v2/models/{model}/infer'.post.";
        String example = InferenceApiFilter.EXAMPLE;
        Map<String, Object> request =
                openapi.getMap(operation + "requestBody.content.'application/json'.examples.'" + example + "'.value");
        Map<String, Object> shown = openapi.getMap(
                operation + "responses.'200'.content.'application/json'.examples.'" + example + "'.value");
        Map<String, Object> answered = given().contentType(ContentType.JSON)
                .body(request)
                .post("/v2/models/iris/infer")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(shown, equalTo(answered));
        assertThat(answered.get("outputs").toString(), containsString("data=[setosa]"));
    }

    private static String tensor(String shape, String datatype, String data) {
        return "{\"inputs\":[{\"name\":\"x\",\"shape\":" + shape + ",\"datatype\":\"" + datatype + "\",\"data\":" + data
                + "}]}";
    }
}
