package dev.servinglab.web.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BodySizeLimitTest {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Test
    void aBodyOverTheLimitGetsProblemDetailsBeforeItIsRead() {
        given().contentType(ContentType.JSON)
                .body(tooLarge())
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body("instance", equalTo("/api/v1/predict"))
                .body("detail", containsString("at most " + maxBodySize.asLongValue() + " bytes"));
    }

    @Test
    void underTheInferenceProtocolItGetsTheProtocolsErrorObject() {
        given().contentType(ContentType.JSON)
                .body(tooLarge())
                .when()
                .post("/v2/models/iris/infer")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/json"))
                .body("error", containsString("at most " + maxBodySize.asLongValue() + " bytes"));
    }

    private String tooLarge() {
        return "{\"padding\":\"" + "x".repeat((int) maxBodySize.asLongValue()) + "\"}";
    }
}
