package dev.servinglab.evaluation.seedsweep.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;

import dev.servinglab.evaluation.seedsweep.service.SeedSweep;
import dev.servinglab.model.ModelConfig;
import dev.servinglab.testsupport.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedSweepResourceTest {

    @Inject
    ModelConfig config;

    @Test
    void theSweepListsEverySeedBesideTheServedModel() {
        given().when()
                .get("/api/v1/seed-sweeps/logreg")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("model", equalTo("logreg"))
                .body("runs", hasSize(SeedSweep.SEED_COUNT))
                .body("runs[0].seed", equalTo(1))
                .body("runs.test_size", everyItem(equalTo(30)))
                .body("served.seed", equalTo((int) config.seed()))
                .body("interval.method", containsString("2.5th to 97.5th percentile"));
        String first = given().get("/api/v1/seed-sweeps/logreg").asString();
        assertThat(given().get("/api/v1/seed-sweeps/logreg").asString(), equalTo(first));
    }

    @Test
    void anUnknownModelIsAProblem() {
        given().when()
                .get("/api/v1/seed-sweeps/forest")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("forest"));
        given().when()
                .get("/widgets/seed-sweep/result")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("model"));
    }

    @Test
    void theApiIsDocumented() {
        assertThat(OpenApiDocument.fetch().getMap("paths"), hasKey("/api/v1/seed-sweeps/{model}"));
    }
}
