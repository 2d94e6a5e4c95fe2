package dev.servinglab.lesson.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.lesson.service.Prediction;
import dev.servinglab.lesson.service.PredictionSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PredictionResourceTest {

    private static final String L2 = "/api/v1/lessons/02-the-predict-api-hands-on/predictions/another-model";

    @Inject
    LessonRepository lessons;

    @Test
    void everyLessonAsksForAPredictionAndItsPageNeverHoldsTheReveal() {
        for (Lesson lesson : lessons.lessons()) {
            assertThat(lesson.slug(), lesson.predictions().size(), greaterThanOrEqualTo(1));
            String page = given().when()
                    .get(lesson.path())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            for (Prediction prediction : lesson.predictions()) {
                assertThat(page, containsString("data-predict=\"" + prediction.id() + "\""));
                assertThat(lesson.slug() + " " + prediction.id(), page, not(containsString(prediction.revealHtml())));
            }
        }
        assertThat(
                given().when()
                        .get("/lessons/02-the-predict-api-hands-on")
                        .then()
                        .extract()
                        .asString(),
                not(containsString("Two models trained on the same flowers")));
    }

    @Test
    void aCommittedChoiceGetsItsWordsAndTheRevealWithLiveValues() {
        Prediction prediction = lessons.find("02-the-predict-api-hands-on")
                .orElseThrow()
                .lesson()
                .prediction("another-model")
                .orElseThrow();
        given().queryParam("prediction", "2")
                .when()
                .get(L2)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("lesson", equalTo("02-the-predict-api-hands-on"))
                .body("element", equalTo("another-model"))
                .body("kind", equalTo("choice"))
                .body("prediction", equalTo("2"))
                .body("prediction_text", equalTo(prediction.choices().get(1).text()))
                .body("reveal_html", equalTo(prediction.revealHtml()))
                .body("reveal_html", containsString("<span class=\"live\""))
                .body("check", equalTo("console-title"));
    }

    @Test
    void aNumberAndAnOwnCallAreRepeatedBack() {
        Lesson lesson = lessons.lessons().stream()
                .filter(l -> l.predictions().stream().anyMatch(p -> p.kind() == PredictionSource.Kind.TEXT))
                .findFirst()
                .orElseThrow();
        Prediction ownCall = lesson.predictions().stream()
                .filter(p -> p.kind() == PredictionSource.Kind.TEXT)
                .findFirst()
                .orElseThrow();
        given().queryParam("prediction", "  Good enough, but versicolor's recall decides it.  ")
                .when()
                .get("/api/v1/lessons/" + lesson.slug() + "/predictions/" + ownCall.id())
                .then()
                .statusCode(200)
                .body("kind", equalTo("text"))
                .body("prediction_text", equalTo("Good enough, but versicolor's recall decides it."))
                .body("reveal_html", equalTo(ownCall.revealHtml()));
    }

    @Test
    void noRevealWithoutACommittedPrediction() {
        assertViolation(given().when().get(L2).then(), "required");
        assertViolation(given().queryParam("prediction", " ").when().get(L2).then(), "required");
    }

    @Test
    void aPredictionThatDoesNotFitTheElementIsRefused() {
        for (String answer : new String[] {"0", "4", "-1", "two", "1.0", "99999999999"}) {
            assertViolation(
                    given().queryParam("prediction", answer).when().get(L2).then(), "choice");
        }
    }

    @Test
    void aPredictionOverThreeHundredCharactersIsRefused() {
        assertViolation(
                given().queryParam("prediction", "x".repeat(301)).when().get(L2).then(), "maxLength");
    }

    @Test
    void unknownLessonsAndElementsAreNotFound() {
        given().queryParam("prediction", "1")
                .when()
                .get("/api/v1/lessons/99-nothing/predictions/another-model")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("prediction", "1")
                .when()
                .get("/api/v1/lessons/02-the-predict-api-hands-on/predictions/nothing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("another-model"));
    }

    @Test
    void withoutScriptsTheFormOpensAPageWithThePredictionAndTheReveal() {
        String page = given().queryParam("prediction", "3")
                .when()
                .get("/lessons/02-the-predict-api-hands-on/predictions/another-model")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(page, containsString("You predicted: <strong>a different label</strong>"));
        assertThat(page, containsString("Two models trained on the same flowers"));
        assertThat(page, containsString("href=\"/lessons/02-the-predict-api-hands-on#console-title\""));
        given().when()
                .get("/lessons/02-the-predict-api-hands-on/predictions/another-model")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    private static void assertViolation(ValidatableResponse response, String rule) {
        response.statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("prediction"))
                .body("errors[0].rule", equalTo(rule))
                .body("detail", startsWith("prediction "));
    }
}
