package dev.servinglab.oip.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class InferenceResourceTest {

    private static final String SETOSA =
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
    private static final String VIRGINICA =
            "{\"sepal_length\":6.7,\"sepal_width\":3.0,\"petal_length\":5.2,\"petal_width\":2.3}";

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
        given().when().get("/v2/models/iris/versions/1/ready").then().statusCode(200);
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
    void infersATensorAndEchoesTheId() {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"req-7\",\"inputs\":[{\"name\":\"features\",\"shape\":[2,4],\"datatype\":\"FP64\","
                        + "\"data\":[5.1,3.5,1.4,0.2,6.7,3.0,5.2,2.3]}]}")
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
                .body("{\"inputs\":[{\"name\":\"x\",\"shape\":[2,4],\"datatype\":\"FP64\","
                        + "\"data\":[[5.1,3.5,1.4,0.2],[6.7,3.0,5.2,2.3]]}]}")
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
                .body("{\"inputs\":[{\"name\":\"x\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[5.1,3.5,1.4,0.2]}],"
                        + "\"outputs\":[{\"name\":\"probabilities\"}]}")
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no inputs          | {"inputs":[]}                                                                                 | exactly one tensor
            null input         | {"inputs":[null]}                                                                             | inputs[0] must be a tensor object
            wrong datatype     | {"inputs":[{"name":"x","shape":[1,4],"datatype":"INT64","data":[5,3,1,0]}]}                   | FP32 or FP64
            wrong shape        | {"inputs":[{"name":"x","shape":[4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}              | must be [n, 4]
            too few values     | {"inputs":[{"name":"x","shape":[2,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}            | holds 4 values
            non-numeric value  | {"inputs":[{"name":"x","shape":[1,4],"datatype":"FP32","data":[5.1,"a",1.4,0.2]}]}            | numbers only
            negative value     | {"inputs":[{"name":"x","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,-1.4,0.2]}]}           | petal_length must be greater than 0
            unknown output     | {"inputs":[{"name":"x","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}],"outputs":[{"name":"z"}]} | outputs[0].name
            inputs not a list  | {"inputs":{"name":"x"}}                                                                       | inputs must be an array
            malformed JSON     | {"inputs":[                                                                                   | not the JSON
            """)
    void badRequestsGet400WithTheProtocolsErrorObject(String name, String body, String message) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v2/models/iris/infer")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString(message))
                .body("$", aMapWithSize(1));
    }

    @Test
    void anUnknownModelOrVersionGets404() {
        given().when().get("/v2/models/nope").then().statusCode(404).body("error", containsString("nope"));
        given().when()
                .get("/v2/models/iris/versions/9/ready")
                .then()
                .statusCode(404)
                .body("error", containsString("9"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/v2/models/nope/infer")
                .then()
                .statusCode(404);
    }
}
