package dev.servinglab.quiz.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.workshop.Workshops;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuizResourceTest {

    @Inject
    QuizRepository quizzes;

    @Inject
    LessonRepository lessons;

    @Test
    void everyLessonEndsWithAQuizOfAtLeastFourQuestions() {
        for (Lesson lesson : lessons.lessons()) {
            assertThat(lesson.slug(), lesson.quiz(), equalTo(lesson.slug()));
            Quiz quiz = quizzes.find(lesson.quiz()).orElseThrow();
            assertThat(lesson.slug(), quiz.questions().size(), greaterThanOrEqualTo(4));
        }
        given().when()
                .get("/api/v1/quizzes")
                .then()
                .statusCode(200)
                .body("slug", hasSize(lessons.lessons().size()));
    }

    @Test
    void theSeedQuestionsAreThere() {
        String firstQuiz = given().when()
                .get("/api/v1/quizzes/01-what-happens-when-you-call-a-model-api")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(firstQuiz, containsString("1 row × 4 features"));
        assertThat(firstQuiz, containsString("100 rows × 4 features"));
        String pitfalls = given().when()
                .get("/api/v1/quizzes/06-good-and-bad-numbers-and-pitfalls")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(pitfalls, containsString("12 % recall"));
    }

    @Test
    void nothingServedBeforeAnsweringCarriesTheKey() {
        for (Quiz quiz : quizzes.all()) {
            String json = given().when()
                    .get("/api/v1/quizzes/" + quiz.slug())
                    .then()
                    .statusCode(200)
                    .body("questions.options.flatten()", everyItem(not(nullValue())))
                    .extract()
                    .asString();
            String page = given().when()
                    .get("/lessons/" + quiz.slug())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String list = given().when()
                    .get("/api/v1/quizzes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String scripts = scriptsOf(page);
            for (String served : List.of(json, page, list, scripts)) {
                assertThat(served, not(containsString("\"correct\"")));
                assertThat(served, not(containsString("\"explanation\"")));
                assertThat(served, not(containsString("\"answer\"")));
                for (Question q : quiz.questions()) {
                    for (Question.Option o : q.options()) {
                        assertNotIn(served, o.explanation(), quiz.slug() + "/" + q.id());
                    }
                    if (q.explanation() != null) {
                        assertNotIn(served, q.explanation(), quiz.slug() + "/" + q.id());
                    }
                }
            }
        }
    }

    @Test
    void gradesAChoiceAndExplainsOnlyWhatWasChosen() {
        Quiz quiz = firstWith(Question.Kind.SINGLE);
        Question q = quiz.questions().stream()
                .filter(x -> x.kind() == Question.Kind.SINGLE)
                .findFirst()
                .orElseThrow();
        int wrong = indexOf(q, false);
        given().contentType(ContentType.JSON)
                .body(Map.of("choices", List.of(wrong)))
                .when()
                .post("/api/v1/quizzes/" + quiz.slug() + "/questions/" + q.id() + "/answer")
                .then()
                .statusCode(200)
                .body("correct", equalTo(false))
                .body("chosen", hasSize(1))
                .body("chosen[0].explanation", equalTo(q.options().get(wrong).explanation()))
                .body("hint", containsString("/lessons/" + quiz.slug() + "#" + q.section()));
        given().contentType(ContentType.JSON)
                .body(Map.of("choices", List.of(indexOf(q, true))))
                .when()
                .post("/api/v1/quizzes/" + quiz.slug() + "/questions/" + q.id() + "/answer")
                .then()
                .statusCode(200)
                .body("correct", equalTo(true));
    }

    @Test
    void gradesANumberWithItsTolerance() {
        Quiz quiz = quizzes.all().stream()
                .filter(z -> z.questions().stream().anyMatch(QuizResourceTest::fixedNumber))
                .findFirst()
                .orElseThrow();
        Question q = quiz.questions().stream()
                .filter(QuizResourceTest::fixedNumber)
                .findFirst()
                .orElseThrow();
        String url = "/api/v1/quizzes/" + quiz.slug() + "/questions/" + q.id() + "/answer";
        given().contentType(ContentType.JSON)
                .body(Map.of("value", q.answer() + q.tolerance() + 1))
                .when()
                .post(url)
                .then()
                .statusCode(200)
                .body("correct", equalTo(false))
                .body("explanation", nullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("value", q.answer()))
                .when()
                .post(url)
                .then()
                .statusCode(200)
                .body("correct", equalTo(true))
                .body("explanation", equalTo(q.explanation()));
    }

    @Test
    void aGeneratedQuestionIsGradedWithTheProblemItsVariantNames() {
        Quiz quiz = quizzes.all().stream()
                .filter(z -> z.questions().stream().anyMatch(q -> q.parameters() != null))
                .findFirst()
                .orElseThrow();
        Question q = quiz.questions().stream()
                .filter(x -> x.parameters() != null)
                .findFirst()
                .orElseThrow();
        int variant = given().when()
                .get("/api/v1/quizzes/" + quiz.slug())
                .then()
                .statusCode(200)
                .extract()
                .path("questions.find { it.id == '" + q.id() + "' }.variant");
        Question.Problem problem = q.problem(variant);
        String url = "/api/v1/quizzes/" + quiz.slug() + "/questions/" + q.id() + "/answer";
        given().contentType(ContentType.JSON)
                .body(Map.of("value", problem.answer(), "variant", variant))
                .when()
                .post(url)
                .then()
                .statusCode(200)
                .body("correct", equalTo(true))
                .body("explanation", equalTo(problem.explanation()))
                .body("next", nullValue());
        int next = given().contentType(ContentType.JSON)
                .body(Map.of("value", problem.answer() + q.tolerance() + 1, "variant", variant))
                .when()
                .post(url)
                .then()
                .statusCode(200)
                .body("correct", equalTo(false))
                .body("explanation", nullValue())
                .extract()
                .path("next.variant");
        assertThat(next, not(equalTo(variant)));
        given().contentType(ContentType.JSON)
                .body(Map.of("value", problem.answer() + q.tolerance() + 1, "variant", variant))
                .when()
                .post(url)
                .then()
                .body("next.variant", equalTo(next))
                .body("next.prompt", equalTo(q.problem(next).prompt()));
        // The right answer of one problem is no answer to another: the variant, not the learner, picks the numbers.
        assertThat(q.problem(next).prompt(), not(equalTo(problem.prompt())));
        assertViolation(url, "{\"value\": 1}", "variant", "required");
        Question fixed = quizzes.all().stream()
                .flatMap(z -> z.questions().stream())
                .filter(QuizResourceTest::fixedNumber)
                .findFirst()
                .orElseThrow();
        Quiz fixedQuiz = quizzes.all().stream()
                .filter(z -> z.questions().contains(fixed))
                .findFirst()
                .orElseThrow();
        assertViolation(
                "/api/v1/quizzes/" + fixedQuiz.slug() + "/questions/" + fixed.id() + "/answer",
                "{\"value\": 1, \"variant\": 3}",
                "variant",
                "unexpected");
    }

    @Test
    void aGeneratedQuestionAnsweredInAWorkshopTravelsWithItsVariant() {
        Quiz quiz = quizzes.all().stream()
                .filter(z -> z.questions().stream().anyMatch(q -> q.parameters() != null))
                .findFirst()
                .orElseThrow();
        Question q = quiz.questions().stream()
                .filter(x -> x.parameters() != null)
                .findFirst()
                .orElseThrow();
        Workshops.Created workshop = Workshops.create("{\"title\":\"generated\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        int variant = 17;
        Question.Problem posed = q.problem(variant);
        int next = ana.learner()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "quiz",
                        quiz.slug(),
                        "question",
                        q.id(),
                        "answer",
                        Map.of("value", posed.answer() + q.tolerance() + 1, "variant", variant)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200)
                .body("feedback.correct", equalTo(false))
                .extract()
                .path("feedback.next.variant");
        ana.learner()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "quiz",
                        quiz.slug(),
                        "question",
                        q.id(),
                        "answer",
                        Map.of("value", q.problem(next).answer(), "variant", next)))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200)
                .body("feedback.correct", equalTo(true))
                .body("feedback.explanation", equalTo(q.problem(next).explanation()));
    }

    @Test
    void eachLearnerSeesTheOptionsInAnOrderOfTheirOwnOnEveryVisit() {
        Quiz quiz = quizzes.find("03-latency-and-throughput").orElseThrow();
        Question q = quiz.questions().stream()
                .filter(x -> x.kind() == Question.Kind.SINGLE)
                .findFirst()
                .orElseThrow();
        String path = "questions.find { it.id == '" + q.id() + "' }.options.index";
        Set<Integer> firstShown = new HashSet<>();
        for (int learner = 0; learner < 24; learner++) {
            io.restassured.response.Response first = given().when()
                    .get("/api/v1/quizzes/" + quiz.slug())
                    .then()
                    .statusCode(200)
                    .extract()
                    .response();
            String key = first.getCookie(QuizLearner.COOKIE);
            assertThat(key, not(nullValue()));
            List<Integer> order = first.path(path);
            assertThat(new HashSet<>(order), equalTo(indexes(q)));
            // The same learner, later: the same order, and no new key.
            given().cookie(QuizLearner.COOKIE, key)
                    .when()
                    .get("/api/v1/quizzes/" + quiz.slug())
                    .then()
                    .statusCode(200)
                    .header("Set-Cookie", nullValue())
                    .body(path, equalTo(order));
            String page = given().cookie(QuizLearner.COOKIE, key)
                    .when()
                    .get("/lessons/" + quiz.slug())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(shownOnPage(page, q.id()), equalTo(order));
            firstShown.add(order.getFirst());
        }
        // Position tells nothing: over 24 learners, every option comes first for someone.
        assertThat(firstShown, equalTo(indexes(q)));
        given().when()
                .get("/lessons/" + quiz.slug())
                .then()
                .statusCode(200)
                .cookie(QuizLearner.COOKIE, not(nullValue()));
    }

    private static Set<Integer> indexes(Question q) {
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < q.options().size(); i++) {
            all.add(i);
        }
        return all;
    }

    /** Returns the option indexes of a question in the order the page shows them. */
    private static List<Integer> shownOnPage(String page, String id) {
        Matcher item = Pattern.compile("(?s)data-question=\"" + Pattern.quote(id) + "\".*?</li>")
                .matcher(page);
        assertThat(id, item.find(), equalTo(true));
        Matcher value = Pattern.compile("name=\"choice\" id=\"[^\"]+\"\\s+value=\"(\\d+)\"")
                .matcher(item.group());
        List<Integer> shown = new ArrayList<>();
        while (value.find()) {
            shown.add(Integer.valueOf(value.group(1)));
        }
        return shown;
    }

    private static boolean fixedNumber(Question q) {
        return q.kind() == Question.Kind.NUMERIC && q.parameters() == null;
    }

    @Test
    void badAnswersGetProblemDetails() {
        Quiz quiz = firstWith(Question.Kind.SINGLE);
        Question q = quiz.questions().getFirst();
        String url = "/api/v1/quizzes/" + quiz.slug() + "/questions/" + q.id() + "/answer";
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(url)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"choices\": [99]}")
                .when()
                .post(url)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo(q.kind() == Question.Kind.NUMERIC ? "value" : "choices"));
        given().contentType(ContentType.JSON)
                .body("{\"choices\": \"first\"}")
                .when()
                .post(url)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/quizzes/" + quiz.slug() + "/questions/nope/answer")
                .then()
                .statusCode(404);
        given().when().get("/api/v1/quizzes/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bodiesThatBreakTheAnswerShapeNameTheFieldAndRule() {
        Quiz quiz = firstWith(Question.Kind.SINGLE);
        Question q = quiz.questions().stream()
                .filter(x -> x.kind() == Question.Kind.SINGLE)
                .findFirst()
                .orElseThrow();
        String url = "/api/v1/quizzes/" + quiz.slug() + "/questions/" + q.id() + "/answer";
        assertViolation(url, "{\"choices\": [0], \"choise\": [1]}", "choise", "unknown-field");
        assertViolation(url, "{\"choices\": [0, 0]}", "choices", "unique");
        assertViolation(url, "{\"choices\": [null]}", "choices[0]", "required");
        assertViolation(url, "{\"choices\": [-1]}", "choices[0]", "minimum");
        assertViolation(url, "null", "$", "required");
        String review = "/api/v1/quizzes/" + quiz.slug() + "/review";
        assertViolation(review, "{\"answers\": {}, \"score\": 7}", "score", "unknown-field");
        assertViolation(
                review,
                "{\"answers\": {\"" + q.id() + "\": {\"choices\": [0], \"colour\": 1}}}",
                "answers." + q.id() + ".colour",
                "unknown-field");
        assertViolation(
                review,
                "{\"answers\": {\"" + q.id() + "\": {\"choices\": [1, 1]}}}",
                "answers." + q.id() + ".choices",
                "unique");
    }

    private static void assertViolation(String url, String body, String field, String rule) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(url)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].rule", equalTo(rule))
                .body("detail", startsWith(field + " "));
    }

    @Test
    void theReviewGivesTheScoreAndEveryExplanationOnceAllIsAnswered() {
        Quiz quiz = quizzes.all().getFirst();
        String url = "/api/v1/quizzes/" + quiz.slug() + "/review";
        given().contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of()))
                .when()
                .post(url)
                .then()
                .statusCode(422)
                .body("errors", hasSize(quiz.questions().size()));
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : quiz.questions()) {
            answers.put(
                    q.id(),
                    q.kind() != Question.Kind.NUMERIC
                            ? Map.of("choices", rightOptions(q))
                            : q.parameters() == null
                                    ? Map.of("value", q.answer())
                                    : Map.of("value", q.problem(7).answer(), "variant", 7));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("answers", answers))
                .when()
                .post(url)
                .then()
                .statusCode(200)
                .body("score", equalTo(quiz.questions().size()))
                .body("total", equalTo(quiz.questions().size()))
                .body("questions.correct", everyItem(equalTo(true)))
                .body("questions.section", everyItem(containsString("/lessons/" + quiz.slug() + "#")));
    }

    private Quiz firstWith(Question.Kind kind) {
        return quizzes.all().stream()
                .filter(z -> z.questions().stream().anyMatch(q -> q.kind() == kind))
                .findFirst()
                .orElseThrow();
    }

    private static int indexOf(Question q, boolean correct) {
        for (int i = 0; i < q.options().size(); i++) {
            if (q.options().get(i).correct() == correct) {
                return i;
            }
        }
        throw new IllegalStateException("no such option");
    }

    private static List<Integer> rightOptions(Question q) {
        List<Integer> right = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            if (q.options().get(i).correct()) {
                right.add(i);
            }
        }
        return right;
    }

    /** Asserts that a text appears neither as it is (JSON) nor HTML-escaped (pages). */
    private static void assertNotIn(String served, String text, String where) {
        String html = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
        String json = text.replace("\\", "\\\\").replace("\"", "\\\"");
        for (String form : List.of(text, html, json)) {
            assertThat(where, served, not(containsString(form)));
        }
    }

    /** Returns every script the page loads, and the modules those import, as served. */
    private static String scriptsOf(String page) {
        StringBuilder scripts = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        Matcher src =
                Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"").matcher(page);
        while (src.find()) {
            next.add(src.group(1));
        }
        while (!next.isEmpty()) {
            String path = next.poll();
            if (seen.add(path)) {
                String script = given().when()
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                scripts.append(script);
                Matcher imported = Pattern.compile("from '(/js/[^']+)'").matcher(script);
                while (imported.find()) {
                    next.add(imported.group(1));
                }
            }
        }
        assertThat(seen, hasItem("/js/quiz/quiz.js"));
        return scripts.toString();
    }
}
