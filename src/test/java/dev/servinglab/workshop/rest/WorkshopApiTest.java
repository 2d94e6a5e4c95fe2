package dev.servinglab.workshop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.workshop.Workshops;
import dev.servinglab.workshop.service.JoinCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Checks workshop mode through its API as an instructor and learners use it: create, join, answer, watch,
 * release, export, close, delete; and that each side reaches only what it may.
 */
@QuarkusTest
class WorkshopApiTest {

    @Inject
    QuizRepository quizzes;

    private Quiz firstQuiz() {
        return quizzes.all().getFirst();
    }

    private static int rightOption(Question question) {
        return IntStream.range(0, question.options().size())
                .filter(i -> question.options().get(i).correct())
                .findFirst()
                .orElseThrow();
    }

    private static int wrongOption(Question question) {
        return IntStream.range(0, question.options().size())
                .filter(i -> !question.options().get(i).correct())
                .findFirst()
                .orElseThrow();
    }

    private Question singleChoice(Quiz quiz) {
        return quiz.questions().stream()
                .filter(q -> q.kind() == Question.Kind.SINGLE)
                .findFirst()
                .orElseThrow();
    }

    private static String answer(Quiz quiz, Question question, int option) {
        return "{\"quiz\":\"" + quiz.slug() + "\",\"question\":\"" + question.id() + "\",\"answer\":{\"choices\":["
                + option + "]}}";
    }

    @Test
    void aNewWorkshopHasAReadableCodeAndASecretShownOnce() {
        var created = given().contentType(ContentType.JSON)
                .body("{\"title\":\"Tuesday group\"}")
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(201)
                .body("workshop.code", matchesPattern("[" + JoinCodes.ALPHABET + "]{6}"))
                .body("workshop.display_code", matchesPattern("...-..."))
                .body("secret", matchesPattern("[A-Za-z0-9_-]{22}"))
                .body("join_url", containsString("/join?code="))
                .body("qr_url", containsString("/qr.svg"))
                .body("workshop.lessons", not(hasSize(0)))
                .extract()
                .jsonPath();
        String code = created.getString("workshop.code");
        given().header("Authorization", "Bearer " + created.getString("secret"))
                .when()
                .get("/api/v1/workshops/" + code)
                .then()
                .statusCode(200)
                .body("title", equalTo("Tuesday group"))
                .body("$", not(hasItem("secret")));
    }

    @Test
    void badWorkshopsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"\"}")
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"lessons\":[\"no-such-lesson\"]}")
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("lessons[0]"));
    }

    @Test
    void instructorActionsNeedTheSecret() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        given().when()
                .get("/api/v1/workshops/" + workshop.code() + "/dashboard")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong")
                .when()
                .get("/api/v1/workshops/" + workshop.code() + "/export.csv")
                .then()
                .statusCode(403);
        Workshops.Created other = Workshops.create("{\"title\":\"other\"}");
        given().header("Authorization", "Bearer " + other.secret())
                .when()
                .delete("/api/v1/workshops/" + workshop.code())
                .then()
                .statusCode(403);
    }

    @Test
    void theDashboardCountsWhatTheServerGraded() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Quiz quiz = firstQuiz();
        Question question = singleChoice(quiz);
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        Workshops.Joined bo = Workshops.join(workshop.code(), "Bo");
        Workshops.Joined cy = Workshops.join(workshop.code(), "Cy");
        long seq = ana.learner()
                .contentType(ContentType.JSON)
                .body(answer(quiz, question, rightOption(question)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200)
                .body("held", equalTo(false))
                .body("feedback.correct", equalTo(true))
                .extract()
                .jsonPath()
                .getLong("seq");
        for (Workshops.Joined learner : List.of(bo, cy)) {
            learner.learner()
                    .contentType(ContentType.JSON)
                    .body(answer(quiz, question, wrongOption(question)))
                    .post("/api/v1/me/answers")
                    .then()
                    .statusCode(200)
                    .body("feedback.correct", equalTo(false));
        }
        String path = "questions.find { it.quiz == '" + quiz.slug() + "' && it.question == '" + question.id() + "' }";
        workshop.instructor()
                .when()
                .get("/api/v1/workshops/" + workshop.code() + "/dashboard")
                .then()
                .statusCode(200)
                .body("seq", greaterThanOrEqualTo((int) seq))
                .body("learners.nickname", equalTo(List.of("Ana", "Bo", "Cy")))
                .body(path + ".answered", equalTo(3))
                .body(path + ".right", equalTo(1))
                .body(path + ".most_chosen_wrong.count", equalTo(2))
                .body(
                        path + ".most_chosen_wrong.answer",
                        equalTo(question.options().get(wrongOption(question)).text()));
    }

    @Test
    void heldAnswersGetTheirFeedbackOnceReleased() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\",\"hold_answers\":true}");
        Quiz quiz = firstQuiz();
        Question question = singleChoice(quiz);
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        ana.learner()
                .contentType(ContentType.JSON)
                .body(answer(quiz, question, rightOption(question)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200)
                .body("held", equalTo(true))
                .body("feedback", nullValue());
        workshop.instructor()
                .contentType(ContentType.JSON)
                .body("{\"released\":true,\"answers_released\":true}")
                .put("/api/v1/workshops/" + workshop.code() + "/lessons/" + quiz.slug())
                .then()
                .statusCode(200);
        ana.learner()
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("workshop.lessons.find { it.slug == '" + quiz.slug() + "' }.answers_released", equalTo(true));
        ana.learner()
                .contentType(ContentType.JSON)
                .body(answer(quiz, question, rightOption(question)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200)
                .body("held", equalTo(false))
                .body("feedback.correct", equalTo(true));
    }

    @Test
    void nicknamesFollowTheRulesAndAreUniqueInAWorkshop() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.join(workshop.code(), "Zoë");
        for (String nickname : List.of("", "a".repeat(25), "ZOË", "bad\\u0007bell")) {
            given().contentType(ContentType.JSON)
                    .body("{\"nickname\":\"" + nickname + "\"}")
                    .when()
                    .post("/api/v1/workshops/" + workshop.code() + "/learners")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", everyItem(equalTo("nickname")));
        }
        given().contentType(ContentType.JSON)
                .body("{\"nickname\":\"Ana\"}")
                .when()
                .post("/api/v1/workshops/ZZZ-ZZZ/learners")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("code"));
    }

    @Test
    void theSameBrowserPicksUpTheSameLearnerAfterLeaving() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        ana.learner().when().delete("/api/v1/me").then().statusCode(200).body("active", equalTo(false));
        Quiz quiz = firstQuiz();
        ana.learner()
                .contentType(ContentType.JSON)
                .body(answer(quiz, singleChoice(quiz), 0))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(403);
        ana.learner()
                .contentType(ContentType.JSON)
                .body("{\"nickname\":\"Someone else\"}")
                .post("/api/v1/workshops/" + workshop.code() + "/learners")
                .then()
                .statusCode(200)
                .body("nickname", equalTo("Ana"))
                .body("active", equalTo(true));
    }

    @Test
    void aLearnerSeesOnlyTheirOwnPlaceAndNothingOfTheClass() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        Workshops.join(workshop.code(), "Bo");
        String me = ana.learner()
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(me, not(containsString("Bo")));
        ana.learner()
                .when()
                .get("/api/v1/workshops/" + workshop.code() + "/dashboard")
                .then()
                .statusCode(401);
        given().when().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void writesFromAnotherSitesPageAreRefused() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        ana.learner()
                .header("Sec-Fetch-Site", "cross-site")
                .when()
                .delete("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        ana.learner()
                .header("Origin", "https://evil.example")
                .when()
                .delete("/api/v1/me")
                .then()
                .statusCode(403);
        ana.learner()
                .header("Sec-Fetch-Site", "same-origin")
                .when()
                .delete("/api/v1/me")
                .then()
                .statusCode(200);
    }

    @Test
    void theCsvExportHoldsExactlyTheAnswersGiven() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Quiz quiz = firstQuiz();
        Question question = singleChoice(quiz);
        Workshops.Joined ana = Workshops.join(workshop.code(), "=Ana");
        Workshops.Joined bo = Workshops.join(workshop.code(), "Bo");
        ana.learner()
                .contentType(ContentType.JSON)
                .body(answer(quiz, question, wrongOption(question)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200);
        ana.learner()
                .contentType(ContentType.JSON)
                .body(answer(quiz, question, rightOption(question)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200);
        bo.learner()
                .contentType(ContentType.JSON)
                .body(answer(quiz, question, rightOption(question)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200);
        String csv = workshop.instructor()
                .when()
                .get("/api/v1/workshops/" + workshop.code() + "/export.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows, hasSize(3));
        assertThat(rows.get(0), equalTo("nickname,quiz,question,answer,correct,answered_at,attempts,right_at_last"));
        assertThat(
                rows.get(1), matchesPattern("\"'=Ana\"," + quiz.slug() + "," + question.id() + ",.*,false,.*,2,true"));
        assertThat(rows.get(2), matchesPattern("Bo," + quiz.slug() + "," + question.id() + ",.*,true,.*,1,true"));
        workshop.instructor()
                .when()
                .get("/api/v1/workshops/" + workshop.code() + "/export.json")
                .then()
                .statusCode(200)
                .body("answers", hasSize(3))
                .body("learners.nickname", equalTo(List.of("=Ana", "Bo")));
    }

    @Test
    void aClosedWorkshopTakesNoJoinsOrReportsAndADeletedOneIsGone() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        workshop.instructor()
                .when()
                .post("/api/v1/workshops/" + workshop.code() + "/close")
                .then()
                .statusCode(200)
                .body("closed", equalTo(true));
        given().contentType(ContentType.JSON)
                .body("{\"nickname\":\"Late\"}")
                .when()
                .post("/api/v1/workshops/" + workshop.code() + "/learners")
                .then()
                .statusCode(409)
                .body("detail", containsString("closed"));
        Quiz quiz = firstQuiz();
        ana.learner()
                .contentType(ContentType.JSON)
                .body("{\"lesson\":\"" + quiz.slug() + "\",\"state\":\"visited\"}")
                .post("/api/v1/me/progress")
                .then()
                .statusCode(409);
        workshop.instructor()
                .when()
                .delete("/api/v1/workshops/" + workshop.code())
                .then()
                .statusCode(204);
        workshop.instructor()
                .when()
                .get("/api/v1/workshops/" + workshop.code())
                .then()
                .statusCode(404);
        ana.learner().when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void reportsOutOfBoundsAreRefusedNamingTheField() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        ana.learner()
                .contentType(ContentType.JSON)
                .body("{\"latencies_ms\":[-1],\"errors\":0,\"concurrency\":1,\"seconds\":1}")
                .post("/api/v1/me/latency-runs")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem(containsString("latencies_ms")));
        ana.learner()
                .contentType(ContentType.JSON)
                .body("{\"lesson\":\"" + firstQuiz().slug() + "\",\"state\":\"finished\"}")
                .post("/api/v1/me/progress")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("state"));
        ana.learner()
                .contentType(ContentType.JSON)
                .body("{\"run_id\":\"0000000000000000\"}")
                .post("/api/v1/me/trainings")
                .then()
                .statusCode(404)
                .body("detail", notNullValue());
    }

    @Test
    void aStepReportedManyTimesAtOnceIsRecordedOnce() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        String body = "{\"lesson\":\"" + firstQuiz().slug() + "\",\"state\":\"completed\"}";
        List<Boolean> recorded = IntStream.range(0, 8)
                .parallel()
                .mapToObj(i -> ana.learner()
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/me/progress")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getBoolean("recorded"))
                .toList();
        assertThat(recorded.stream().filter(Boolean::booleanValue).count(), equalTo(1L));
        workshop.instructor()
                .when()
                .get("/api/v1/workshops/" + workshop.code() + "/dashboard")
                .then()
                .body("lessons.find { it.lesson == '" + firstQuiz().slug() + "' }.completed", equalTo(1));
    }
}
