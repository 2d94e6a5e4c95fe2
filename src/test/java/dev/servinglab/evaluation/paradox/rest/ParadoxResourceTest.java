package dev.servinglab.evaluation.paradox.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParadoxResourceTest {

    @Test
    void theParadoxShowsAnAccurateModelThatCatchesNothing() {
        given().when()
                .get("/api/v1/paradox")
                .then()
                .statusCode(200)
                .body("positive", equalTo("spam"))
                .body("always_negative.counts.tp", equalTo(0))
                .body("always_negative.metrics.recall", equalTo(0.0f))
                .body("always_negative.metrics.accuracy", greaterThan(0.97f))
                .body("model.metrics.recall", greaterThan(0.0f));
        given().when()
                .get("/lessons/06-good-and-bad-numbers-and-pitfalls")
                .then()
                .statusCode(200)
                .body(containsString("Always &quot;not spam&quot;"))
                .body(containsString("<caption id=\"paradox-matrix-1\">Logistic regression: rows actual"));
    }
}
