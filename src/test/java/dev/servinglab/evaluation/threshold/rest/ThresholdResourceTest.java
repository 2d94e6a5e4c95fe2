package dev.servinglab.evaluation.threshold.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ThresholdResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"breast-cancer", "spambase"})
    void countsAlwaysSumToTheTestSizeAndRecallFallsAsTheThresholdRises(String dataset) {
        int previousTp = Integer.MAX_VALUE;
        double previousRecall = 2;
        int size = -1;
        for (int i = 0; i <= 20; i++) {
            JsonPath view = given().queryParam("threshold", i / 20.0)
                    .when()
                    .get("/api/v1/thresholds/" + dataset)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            int tp = view.getInt("counts.tp");
            int total = tp + view.getInt("counts.fp") + view.getInt("counts.fn") + view.getInt("counts.tn");
            size = view.getInt("test_size");
            assertThat(total, equalTo(size));
            assertThat(tp, lessThanOrEqualTo(previousTp));
            double recall = view.getDouble("metrics.recall");
            assertThat(recall, lessThanOrEqualTo(previousRecall));
            previousTp = tp;
            previousRecall = recall;
        }
        assertThat(size, greaterThan(100));
    }

    @Test
    void aRealModelSeparatesTheClassesAndTheCurvesHaveEveryPoint() {
        JsonPath view = given().queryParam("threshold", 0.5)
                .when()
                .get("/api/v1/thresholds/breast-cancer")
                .then()
                .statusCode(200)
                .body("positive", equalTo("malignant"))
                .body("roc", hasSize(101))
                .body("precision_recall", hasSize(101))
                .extract()
                .jsonPath();
        assertThat(view.getDouble("auc"), greaterThan(0.95));
        assertThat(view.getDouble("metrics.accuracy"), greaterThan(0.9));
        List<Float> tpr = view.getList("roc.y", Float.class);
        assertThat((double) tpr.getFirst(), equalTo(1.0)); // threshold 0: everything positive
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        String first = given().queryParam("threshold", 0.3)
                .get("/api/v1/thresholds/spambase")
                .asString();
        String second = given().queryParam("threshold", 0.3)
                .get("/api/v1/thresholds/spambase")
                .asString();
        assertThat(second, equalTo(first));
    }

    @Test
    void theServerChecksAThresholdAgainstTheGoal() {
        // Scan for a threshold that meets the spam-filter goal, and check the server says so for it and not at 0.
        Double found = null;
        for (int i = 50; i <= 99 && found == null; i++) {
            JsonPath view = given().queryParam("threshold", i / 100.0)
                    .get("/api/v1/thresholds/spambase")
                    .then()
                    .extract()
                    .jsonPath();
            Float precision = view.get("metrics.precision");
            if (precision != null && precision >= 0.95 && view.getFloat("metrics.recall") >= 0.6) {
                found = i / 100.0;
            }
        }
        assertThat("a threshold from 0.50 to 0.99 that meets the goal", found, notNullValue());
        given().queryParam("threshold", found)
                .when()
                .get("/api/v1/thresholds/spambase/challenge")
                .then()
                .statusCode(200)
                .body("met", equalTo(true));
        given().queryParam("threshold", 0)
                .when()
                .get("/api/v1/thresholds/spambase/challenge")
                .then()
                .statusCode(200)
                .body("met", equalTo(false))
                .body("message", containsString("Raise the threshold"));
        given().queryParam("threshold", 0.99)
                .when()
                .get("/api/v1/thresholds/breast-cancer/challenge")
                .then()
                .statusCode(200)
                .body("met", equalTo(false))
                .body("message", containsString("Lower the threshold"));
    }

    @Test
    void badThresholdsAndDataSetsGetProblemDetails() {
        given().queryParam("threshold", 1.5)
                .when()
                .get("/api/v1/thresholds/spambase")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("threshold"));
        given().queryParam("threshold", "half")
                .when()
                .get("/api/v1/thresholds/spambase")
                .then()
                .statusCode(422);
        given().when().get("/api/v1/thresholds/iris").then().statusCode(404);
    }
}
