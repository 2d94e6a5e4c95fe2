package dev.servinglab.evaluation.leakage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeakageResourceTest {

    @Test
    void bothLeaksAreShownBesideTheirHonestEvaluation() {
        given().when()
                .get("/api/v1/leakage")
                .then()
                .statusCode(200)
                .body("dataset", contains("spambase", "spambase"))
                .body("honest.test_size", hasSize(2));
        given().when()
                .get("/lessons/06-good-and-bad-numbers-and-pitfalls")
                .then()
                .statusCode(200)
                .body(containsString("twins of test rows kept in training (leak)"));
    }

    @Test
    void thePitfallsTagIsDeclaredOnceWithItsDescription() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "tags.findAll { it.name == 'Pitfalls' }.description",
                        contains("The accuracy paradox and data leakage, on real data"));
    }
}
