package dev.servinglab.evaluation.calibration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;

import dev.servinglab.testsupport.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class CalibrationResourceTest {

    @Test
    void theDiagramBinsEveryPredictionOfTheHeldOutFlowers() {
        given().queryParam("bins", 5)
                .when()
                .get("/api/v1/calibration/mlp")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("model", equalTo("mlp"))
                .body("rows", equalTo(60))
                .body("predictions", equalTo(180))
                .body("bins", hasSize(5))
                .body("bins.collect { it.count }.sum()", equalTo(180))
                .body("bins.hits.sum()", equalTo(60))
                .body("rows_used", containsString("validation"));
        given().when().get("/api/v1/calibration/logreg").then().statusCode(200).body("bins", hasSize(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "21", "ten", "2.5", "-3", "010"})
    void aBadBinCountIsAProblemNamingTheField(String bins) {
        given().queryParam("bins", bins)
                .when()
                .get("/api/v1/calibration/mlp")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("bins"))
                .body("errors[0].message", containsString("from 2 to 20"));
    }

    @Test
    void anUnknownModelIsAProblem() {
        given().when()
                .get("/api/v1/calibration/forest")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("mlp"));
    }

    @Test
    void theApiIsDocumented() {
        assertThat(OpenApiDocument.fetch().getMap("paths"), hasKey("/api/v1/calibration/{model}"));
    }
}
