package dev.servinglab.predict.rollout.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.servinglab.training.Trainings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeploymentResourceTest {

    private static final String DEPLOYMENTS = "/api/v1/deployments";

    @Test
    void aNewDeploymentServesTheDefaultModelUnderANameNobodyCanGuess() {
        JsonPath created = given().when()
                .post(DEPLOYMENTS)
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
        String name = created.getString("name");
        assertThat(name, matchesPattern("d-[a-z2-9]{10}"));
        assertThat(created.getString("predict"), equalTo(DEPLOYMENTS + "/" + name + "/predict"));
        assertThat(created.getString("current.model"), equalTo("mlp"));
        assertThat(created.getString("current.role"), equalTo("current"));
        assertThat(created.getLong("current.requests"), equalTo(0L));
        assertThat(created.get("rollout"), nullValue());

        given().contentType(ContentType.JSON)
                .body(flower(0))
                .when()
                .post(DEPLOYMENTS + "/" + name + "/predict")
                .then()
                .statusCode(200)
                .body("model", equalTo("mlp"));
        given().when()
                .get(DEPLOYMENTS + "/" + name)
                .then()
                .statusCode(200)
                .body("current.requests", equalTo(1))
                .body("current.errors", equalTo(0))
                .body("current.p50_ms", greaterThan(0f));
    }

    @Test
    void aCanaryAnswersItsShareAndTheSameRequestAlwaysMeetsTheSameVersion() {
        String name = create();
        start(name, "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":30}")
                .statusCode(200)
                .body("rollout.candidate", equalTo("logreg"))
                .body("rollout.mode", equalTo("canary"))
                .body("rollout.percent", equalTo(30))
                .body("candidate.role", equalTo("canary"))
                .body("candidate.requests", equalTo(0));

        int flowers = 200;
        int byCanary = 0;
        for (int i = 0; i < flowers; i++) {
            String first = predict(name, flower(i)).getString("model");
            String again = predict(name, flower(i)).getString("model");
            assertThat("flower " + i + " met one version, then the other", again, equalTo(first));
            assertThat(first, in(List.of("mlp", "logreg")));
            byCanary += first.equals("logreg") ? 1 : 0;
        }
        assertThat(byCanary, allOf(greaterThan(flowers * 20 / 100), lessThan(flowers * 40 / 100)));
        JsonPath figures = show(name);
        assertThat(figures.getInt("candidate.requests"), equalTo(2 * byCanary));
        assertThat(figures.getInt("current.requests"), equalTo(2 * (flowers - byCanary)));
        assertThat(figures.getDouble("candidate.error_rate"), equalTo(0.0));
    }

    @Test
    void aRefusedRequestCountsAsAnErrorOfTheVersionItMet() {
        String name = create();
        given().contentType(ContentType.JSON)
                .body("{\"sepal_length\":5.1}")
                .when()
                .post(DEPLOYMENTS + "/" + name + "/predict")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        JsonPath figures = show(name);
        assertThat(figures.getInt("current.requests"), equalTo(1));
        assertThat(figures.getInt("current.errors"), equalTo(1));
        assertThat(figures.getDouble("current.error_rate"), equalTo(1.0));
    }

    @Test
    void aShadowAnswersACopyOfEveryRequestIsComparedAndNeverReturned() {
        String name = create();
        start(name, "{\"candidate\":\"logreg\",\"mode\":\"shadow\"}")
                .statusCode(200)
                .body("rollout.mode", equalTo("shadow"))
                .body("rollout.percent", equalTo(100))
                .body("shadow.compared", equalTo(0));
        int flowers = 60;
        int agreeing = 0;
        for (int i = 0; i < flowers; i++) {
            JsonPath answer = predict(name, flower(i));
            assertThat(answer.getString("model"), equalTo("mlp"));
            String shadowSays = given().contentType(ContentType.JSON)
                    .body(flower(i))
                    .when()
                    .post("/api/v1/predict?model=logreg")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("predicted_class");
            agreeing += shadowSays.equals(answer.getString("predicted_class")) ? 1 : 0;
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> show(name).getInt("shadow.compared") == flowers);
        JsonPath figures = show(name);
        assertThat(figures.getInt("current.requests"), equalTo(flowers));
        assertThat(figures.getInt("candidate.requests"), equalTo(flowers));
        assertThat(figures.getString("candidate.role"), equalTo("shadow"));
        assertThat(figures.getInt("shadow.agreed"), equalTo(agreeing));
        assertThat(figures.getDouble("shadow.agreement_rate"), closeTo((double) agreeing / flowers, 1e-6));
        assertThat(figures.getList("shadow.classes"), equalTo(List.of("setosa", "versicolor", "virginica")));
        List<List<Integer>> confusion = figures.getList("shadow.confusion");
        int total = 0;
        int diagonal = 0;
        for (int i = 0; i < confusion.size(); i++) {
            for (int j = 0; j < confusion.size(); j++) {
                total += confusion.get(i).get(j);
                diagonal += i == j ? confusion.get(i).get(j) : 0;
            }
        }
        assertThat(total, equalTo(flowers));
        assertThat(diagonal, equalTo(agreeing));
        assertThat(figures.getInt("shadow.dropped"), equalTo(0));
    }

    @Test
    void aRollbackTakesEffectAtOnceAndLosesNoRequest() throws Exception {
        String name = create();
        start(name, "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":50}")
                .statusCode(200);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String body = flower(i);
                statuses.add(clients.submit(() -> given().contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post(DEPLOYMENTS + "/" + name + "/predict")
                        .then()
                        .extract()
                        .statusCode()));
                if (i % 50 == 25) {
                    given().when()
                            .delete(DEPLOYMENTS + "/" + name + "/rollout")
                            .then()
                            .statusCode(200);
                } else if (i % 50 == 0) {
                    start(name, "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":50}")
                            .statusCode(200);
                }
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(), equalTo(200));
            }
        } finally {
            clients.shutdownNow();
        }
        given().when()
                .delete(DEPLOYMENTS + "/" + name + "/rollout")
                .then()
                .statusCode(200)
                .body("rollout", nullValue())
                .body("candidate", nullValue());
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answeredBy.add(predict(name, flower(i)).getString("model"));
        }
        assertThat(answeredBy, everyItem(equalTo("mlp")));
    }

    @Test
    void aPromotedCandidateBecomesTheCurrentVersionAndTheDefaultCanAlwaysComeBack() {
        String name = create();
        start(name, "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":10}")
                .statusCode(200);
        given().when()
                .post(DEPLOYMENTS + "/" + name + "/promotion")
                .then()
                .statusCode(200)
                .body("current.model", equalTo("logreg"))
                .body("rollout", nullValue());
        assertThat(predict(name, flower(3)).getString("model"), equalTo("logreg"));
        given().when()
                .post(DEPLOYMENTS + "/" + name + "/promotion")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("No rollout"));
        given().when()
                .delete(DEPLOYMENTS + "/" + name + "/current")
                .then()
                .statusCode(200)
                .body("current.model", equalTo("mlp"))
                .body("current.requests", equalTo(0));
    }

    @Test
    void aPromotedTrainingRunCanBeTheCandidate() {
        String id = Trainings.start("{\"epochs\":30,\"hidden_units\":5,\"seed\":7}");
        Trainings.awaitEnd(id);
        String model = given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(201)
                .extract()
                .path("model");
        String name = create();
        start(name, "{\"candidate\":\"" + model + "\",\"mode\":\"canary\",\"percent\":99}")
                .statusCode(200)
                .body("candidate.model", equalTo(model));
        int byRun = 0;
        for (int i = 0; i < 50; i++) {
            byRun += predict(name, flower(i)).getString("model").equals(model) ? 1 : 0;
        }
        assertThat(byRun, greaterThanOrEqualTo(45));
    }

    @Test
    void theSharedIrisEndpointFollowsItsRolloutAndComesBack() {
        try {
            start("iris", "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":50}")
                    .statusCode(200);
            List<String> answeredBy = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answeredBy.add(given().contentType(ContentType.JSON)
                        .body(flower(i))
                        .when()
                        .post("/api/v1/predict")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("model"));
            }
            assertThat(answeredBy.contains("logreg") && answeredBy.contains("mlp"), equalTo(true));
            assertThat(show("iris").getInt("candidate.requests"), equalTo((int)
                    answeredBy.stream().filter("logreg"::equals).count()));
        } finally {
            given().when().delete(DEPLOYMENTS + "/iris/current").then().statusCode(200);
        }
        assertThat(predict("iris", flower(1)).getString("model"), equalTo("mlp"));
    }

    @Test
    void aRolloutThatCannotBeDoneIsRefusedNamingTheField() {
        String name = create();
        refused(name, "{\"candidate\":\"no-such-model\",\"mode\":\"canary\",\"percent\":10}", "candidate", "served");
        refused(name, "{\"candidate\":\"mlp\",\"mode\":\"canary\",\"percent\":10}", "candidate", "different");
        refused(name, "{\"candidate\":\"logreg\",\"mode\":\"canary\"}", "percent", "required");
        refused(name, "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":100}", "percent", "range");
        refused(name, "{\"candidate\":\"logreg\",\"mode\":\"canary\",\"percent\":0}", "percent", "minimum");
        refused(name, "{\"candidate\":\"logreg\",\"mode\":\"shadow\",\"percent\":50}", "percent", "shadow");
        refused(name, "{\"mode\":\"shadow\"}", "candidate", "required");
        given().contentType(ContentType.JSON)
                .body("{\"candidate\":\"logreg\",\"mode\":\"blue\"}")
                .when()
                .put(DEPLOYMENTS + "/" + name + "/rollout")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("mode must be one of canary, shadow"));
        given().when()
                .get(DEPLOYMENTS + "/d-nosuchname")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(show(name).get("rollout"), nullValue());
    }

    private static void refused(String name, String body, String field, String rule) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(DEPLOYMENTS + "/" + name + "/rollout")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].rule", equalTo(rule));
    }

    private static String create() {
        return given().when().post(DEPLOYMENTS).then().statusCode(201).extract().path("name");
    }

    private static io.restassured.response.ValidatableResponse start(String name, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(DEPLOYMENTS + "/" + name + "/rollout")
                .then();
    }

    private static JsonPath show(String name) {
        return given().when()
                .get(DEPLOYMENTS + "/" + name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath predict(String name, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(DEPLOYMENTS + "/" + name + "/predict")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Returns the i-th of a grid of different flowers inside the training ranges: a stream of real requests. */
    static String flower(int i) {
        double sepalLength = 4.6 + (i % 7) * 0.4;
        double sepalWidth = 2.4 + (i / 7 % 5) * 0.3;
        double petalLength = 1.2 + (i / 35 % 6) * 1.0;
        double petalWidth = 0.2 + (i % 11) * 0.2;
        return String.format(
                Locale.ROOT,
                "{\"sepal_length\":%.1f,\"sepal_width\":%.1f,\"petal_length\":%.1f,\"petal_width\":%.1f}",
                sepalLength,
                sepalWidth,
                petalLength,
                petalWidth);
    }
}
