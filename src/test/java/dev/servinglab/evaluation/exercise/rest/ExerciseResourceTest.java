package dev.servinglab.evaluation.exercise.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExerciseResourceTest {

    @Test
    void showsTheMatrixWithItsAxesAndNoAnswers() {
        given().when()
                .get("/api/v1/exercises/fixed-2")
                .then()
                .statusCode(200)
                .body("row_axis", equalTo("Actual"))
                .body("cells[0]", contains(80, 20))
                .body("cells[1]", contains(10, 90))
                .body(not(containsString("0.8")))
                .body(not(containsString("0.9")));
        // The same four numbers in the same places, with the axes the other way round.
        given().when()
                .get("/api/v1/exercises/fixed-3")
                .then()
                .statusCode(200)
                .body("row_axis", equalTo("Predicted"))
                .body("cells[0]", contains(80, 20))
                .body("cells[1]", contains(10, 90));
        given().when().get("/api/v1/exercises").then().statusCode(200).body("id", hasSize(4));
    }

    @Test
    void gradesEachMetricWithoutRevealingTheExpectedValue() {
        given().contentType(ContentType.JSON)
                .body(Map.of("accuracy", 0.85, "precision", 0.80, "recall", 0.89, "f1", 0.84))
                .when()
                .post("/api/v1/exercises/fixed-4/answers")
                .then()
                .statusCode(200)
                .body("grades.accuracy", equalTo("correct"))
                .body("grades.recall", equalTo("correct"))
                .body("solved", equalTo(true));
        String wrong = given().contentType(ContentType.JSON)
                .body(Map.of("precision", 0.5, "recall", "0.88"))
                .when()
                .post("/api/v1/exercises/fixed-4/answers")
                .then()
                .statusCode(200)
                .body("grades.precision", equalTo("incorrect"))
                .body("grades.recall", equalTo("correct"))
                .body("solved", equalTo(false))
                .extract()
                .asString();
        assertThat(wrong, not(containsString("0.8")));
    }

    @Test
    void validationTellsNothingAboutWhichMetricsAreUndefined() {
        for (String id : new String[] {"seed-3", "fixed-1"}) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("precision", "x"))
                    .when()
                    .post("/api/v1/exercises/" + id + "/answers")
                    .then()
                    .statusCode(422);
        }
    }

    @Test
    void anUndefinedMetricIsAnsweredUndefinedAndF1IsZeroWhenNothingIsFound() {
        String id = "seed-3"; // seeds of 7k + 3 give a model that never predicts the positive class
        given().contentType(ContentType.JSON)
                .body(Map.of("precision", "undefined", "f1", 0))
                .when()
                .post("/api/v1/exercises/" + id + "/answers")
                .then()
                .statusCode(200)
                .body("grades.precision", equalTo("correct"))
                .body("grades.f1", equalTo("correct"));
        // Lesson 4 teaches F1 = 2·TP / (2·TP + FP + FN): 0 here, so "undefined" is wrong.
        given().contentType(ContentType.JSON)
                .body(Map.of("f1", "undefined"))
                .when()
                .post("/api/v1/exercises/" + id + "/answers")
                .then()
                .statusCode(200)
                .body("grades.f1", equalTo("incorrect"));
        given().contentType(ContentType.JSON)
                .body(Map.of("precision", 0))
                .when()
                .post("/api/v1/exercises/" + id + "/answers")
                .then()
                .statusCode(200)
                .body("grades.precision", equalTo("incorrect"));
    }

    @Test
    void hintsComeInThreeTiersAndStopShortOfTheAnswer() {
        given().when()
                .get("/api/v1/exercises/fixed-4/hints/precision?level=1")
                .then()
                .statusCode(200)
                .body("text", containsString("TP / (TP + FP)"))
                .body("more_levels", equalTo(true));
        given().when()
                .get("/api/v1/exercises/fixed-4/hints/precision?level=2")
                .then()
                .statusCode(200)
                .body("text", containsString("TP = 40"))
                .body("text", containsString("FP = 10"));
        given().when()
                .get("/api/v1/exercises/fixed-4/hints/precision?level=3")
                .then()
                .statusCode(200)
                .body("text", containsString("40 / 50"))
                .body("text", not(containsString("0.8")))
                .body("more_levels", equalTo(false));
        given().when()
                .get("/api/v1/exercises/fixed-4/hints/precision?level=4")
                .then()
                .statusCode(422);
        given().when()
                .get("/api/v1/exercises/fixed-4/hints/auc")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("auc"));
    }

    @Test
    void theSolutionWorksEveryMetricOut() {
        given().when()
                .post("/api/v1/exercises/fixed-1/solution")
                .then()
                .statusCode(200)
                .body("metric", contains("accuracy", "precision", "recall", "f1"))
                .body("answer", contains("0.85", "0.91", "0.83", "0.87"));
    }

    @Test
    void badInputGetsProblemDetails() {
        given().contentType(ContentType.JSON)
                .body(Map.of("precision", "high"))
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("precision"));
        given().contentType(ContentType.JSON)
                .body(Map.of("speed", 1))
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(422)
                .body("errors[0].rule", equalTo("unknown-field"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(422);
        given().when().get("/api/v1/exercises/fixed-9").then().statusCode(404);
        given().when()
                .get("/api/v1/exercises/fixed-4/next")
                .then()
                .statusCode(200)
                .body("id", equalTo("seed-1"));
    }

    @Test
    void everyBrokenRuleOfTheAnswersIsNamedWithItsField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("precision", "high", "recall", true))
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("precision", "recall"))
                .body("errors.rule", contains("pattern", "pattern"))
                .body(
                        "errors[0].message",
                        equalTo("must be a number with two decimals, such as 0.42, or \"undefined\""));
        given().contentType(ContentType.JSON)
                .body("{\"speed\": 1, \"accuracy\": 0.85, \"colour\": \"red\"}")
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(422)
                .body("errors.field", contains("colour", "speed"))
                .body("errors.rule", contains("unknown-field", "unknown-field"))
                .body(
                        "errors[0].message",
                        equalTo("is not a metric; the metrics are accuracy, precision, recall and f1"));
        given().contentType(ContentType.JSON)
                .body(Map.of("accuracy", "1e400"))
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(422)
                .body("errors.field", contains("accuracy"));
    }

    @Test
    void numbersMayComeAsJsonNumbersOrAsText() {
        given().contentType(ContentType.JSON)
                .body("{\"accuracy\": 0.85, \"precision\": \" 0.91 \", \"recall\": 8.3e-1, \"f1\": \"0.87\"}")
                .when()
                .post("/api/v1/exercises/fixed-1/answers")
                .then()
                .statusCode(200)
                .body("grades.accuracy", equalTo("correct"))
                .body("grades.precision", equalTo("correct"))
                .body("grades.recall", equalTo("correct"))
                .body("solved", equalTo(true));
    }

    @Test
    void aHintLevelThatIsNotOneTwoOrThreeIsNamed() {
        for (String level : new String[] {"0", "4", "x", "1.5"}) {
            given().queryParam("level", level)
                    .when()
                    .get("/api/v1/exercises/fixed-4/hints/precision")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("level"))
                    .body("errors.rule", contains("pattern"))
                    .body("detail", equalTo("level must be 1 (formula), 2 (cells) or 3 (worked step)"));
        }
    }

    @Test
    void theWorkedSolutionNamesEachMetricAsThePageDoes() {
        given().when()
                .post("/api/v1/exercises/fixed-1/solution")
                .then()
                .statusCode(200)
                .body("label", contains("Accuracy", "Precision", "Recall", "F1"));
    }
}
