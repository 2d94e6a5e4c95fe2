package dev.servinglab.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.training.Trainings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingResourceTest {

    private static final String SLOW = "{\"epochs\":200,\"pace_ms\":300}";

    /** The runs this test started: the ones still running are cancelled after it, so the next finds free slots. */
    private static final List<String> STARTED = new ArrayList<>();

    @AfterEach
    void cancelWhatIsLeftRunning() {
        for (String id : STARTED) {
            given().when().delete("/api/v1/trainings/" + id).then().statusCode(oneOf(200, 202));
        }
        for (String id : STARTED) {
            Trainings.awaitEnd(id);
        }
        STARTED.clear();
    }

    @Test
    void theEventStreamSendsOneEventPerEpochThenTheSummary() {
        String id = start("{\"epochs\":12,\"seed\":7}");
        Response stream = given().accept("text/event-stream").when().get("/api/v1/trainings/" + id + "/events");
        assertThat(stream.statusCode(), equalTo(200));
        assertThat(stream.contentType(), containsString("text/event-stream"));
        List<SseEvent> events = SseEvent.parse(stream.asString());

        assertThat(events, hasSize(13));
        for (int i = 0; i < 12; i++) {
            SseEvent epoch = events.get(i);
            assertThat(epoch.name(), equalTo("epoch"));
            assertThat(epoch.id(), equalTo(Integer.toString(i + 1)));
            assertThat(epoch.data().getInt("epoch"), equalTo(i + 1));
            for (String field : List.of("train_loss", "validation_loss", "train_accuracy", "validation_accuracy")) {
                assertThat(field, epoch.data().getDouble(field), greaterThanOrEqualTo(0.0));
            }
            assertThat(epoch.data().getDouble("train_accuracy"), lessThan(1.0001));
            assertThat(epoch.data().getMap("$"), hasKey("elapsed_ms"));
            assertThat(epoch.data().getMap("$"), hasKey("observation"));
        }
        assertThat(events.getFirst().data().getString("observation"), containsString("Starting point"));
        assertThat(
                events.get(11).data().getDouble("train_loss"),
                lessThan(events.getFirst().data().getDouble("train_loss")));

        SseEvent summary = events.getLast();
        assertThat(summary.name(), equalTo("summary"));
        assertThat(summary.data().getString("status"), equalTo("completed"));
        assertThat(summary.data().getString("stop"), equalTo("epochs"));
        assertThat(summary.data().getString("stop_reason"), equalTo("completed all 12 epochs"));
        assertThat(summary.data().getInt("epochs_run"), equalTo(12));
        assertThat(summary.data().getInt("test.size"), equalTo(30));
        assertThat(summary.data().getList("test.confusion_matrix"), hasSize(3));
        assertThat(summary.data().getList("test.classes"), equalTo(List.of("setosa", "versicolor", "virginica")));
        assertThat(summary.data().getString("observations.last().observation"), containsString("Last epoch"));

        // The whole history is there to read afterwards, the same numbers as the stream.
        JsonPath run = given().when()
                .get("/api/v1/trainings/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(run.getString("status"), equalTo("completed"));
        assertThat(
                run.getList("history.validation_loss"),
                equalTo(events.subList(0, 12).stream()
                        .map(e -> e.data().get("validation_loss"))
                        .toList()));
        assertThat(run.getInt("hyperparameters.seed"), equalTo(7));
        assertThat(run.getInt("hyperparameters.hidden_units"), equalTo(8));

        // A client that resumes gets only the epochs after the one it saw last.
        List<SseEvent> resumed = SseEvent.parse(given().header("Last-Event-ID", "10")
                .when()
                .get("/api/v1/trainings/" + id + "/events")
                .asString());
        assertThat(resumed.stream().map(SseEvent::id).toList(), equalTo(List.of("11", "12", "summary")));
    }

    @Test
    void theSameSeedGivesTheSameCurveAndAnotherSeedAnother() {
        String body = "{\"dataset\":\"breast-cancer\",\"epochs\":15,\"hidden_units\":16,\"seed\":%d}";
        List<Object> first = curve(Trainings.awaitEnd(start(body.formatted(3))));
        List<Object> again = curve(Trainings.awaitEnd(start(body.formatted(3))));
        List<Object> other = curve(Trainings.awaitEnd(start(body.formatted(4))));
        assertThat(first, hasSize(15));
        assertThat(again, equalTo(first));
        assertThat(other, not(equalTo(first)));
    }

    @Test
    void badHyperparametersGetProblemDetailsNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"hidden_units\":0,\"activation\":\"softmax\",\"learning_rate\":2,\"epochs\":\"many\"}")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid input"))
                .body("errors.field", containsInAnyOrder("hidden_units", "activation", "learning_rate", "epochs"))
                .body("errors.find { it.field == 'hidden_units' }.rule", equalTo("minimum"))
                .body("errors.find { it.field == 'hidden_units' }.message", equalTo("must be at least 1"))
                .body("errors.find { it.field == 'activation' }.message", equalTo("must be one of tanh, sigmoid, relu"))
                .body("errors.find { it.field == 'learning_rate' }.rule", equalTo("maximum"))
                .body("errors.find { it.field == 'epochs' }.rule", equalTo("type"));
        given().contentType(ContentType.JSON)
                .body("{\"epochs\":10000}")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(422)
                .body("errors[0].message", equalTo("must be at most 1500"));
        given().contentType(ContentType.JSON)
                .body("{\"epochs\": 5,")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.TEXT)
                .body("epochs=5")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(415);
        given().when()
                .get("/api/v1/trainings/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nope"));
        given().when().get("/api/v1/trainings/nope/events").then().statusCode(404);
        given().when().post("/api/v1/trainings/nope/promotion").then().statusCode(404);
    }

    @Test
    void beyondTheConcurrencyLimitTheAnswerIs429WithRetryAfter() {
        String first = start(SLOW);
        String second = start(SLOW);
        Response refused =
                given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/trainings");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("at most 2 models at once"));
        // The detail says what the header says, for people.
        assertThat(
                refused.jsonPath().getString("detail"),
                containsString("try again in about " + refused.header("Retry-After") + " s"));

        // Cancelling one frees its slot; predictions are served meanwhile. A run that reads as ended has its
        // summary: the status is never ahead of it.
        given().when().delete("/api/v1/trainings/" + first).then().statusCode(202);
        JsonPath cancelled = Trainings.awaitEnd(first);
        assertThat(cancelled.getString("status"), equalTo("cancelled"));
        assertThat(cancelled.getString("summary.status"), equalTo("cancelled"));
        assertThat(cancelled.getString("summary.stop"), equalTo("cancelled"));
        given().contentType(ContentType.JSON)
                .body(IrisExamples.SETOSA)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200);
        String third = start("{\"epochs\":3}");
        assertThat(Trainings.awaitEnd(third).getString("status"), equalTo("completed"));
        given().when()
                .delete("/api/v1/trainings/" + third)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));
        given().when().get("/api/v1/trainings/" + second).then().body("status", equalTo("running"));
    }

    @Test
    void aClientThatDisconnectsCancelsItsRun() throws Exception {
        String id = start(SLOW);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/trainings/" + id + "/events HTTP/1.1\r\nHost: localhost\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            int epochs = 0;
            while (epochs < 2 && (line = in.readLine()) != null) {
                if (line.startsWith("event:epoch")) {
                    epochs++;
                }
            }
            assertThat(epochs, equalTo(2));
        }
        JsonPath run = Trainings.awaitEnd(id);
        assertThat(run.getString("status"), equalTo("cancelled"));
        assertThat(run.getString("summary.stop"), equalTo("disconnected"));
        assertThat(run.getString("summary.stop_reason"), containsString("disconnected"));
        assertThat(run.getInt("epochs_run"), lessThan(20));
        given().when()
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(409)
                .body("detail", containsString("cancelled"));
    }

    @Test
    void aPromotedRunAnswersThroughThePredictApiTheTraceAndTheModelCard() throws Exception {
        String id = start("{\"epochs\":40,\"hidden_units\":6,\"seed\":11}");
        Trainings.awaitEnd(id);
        JsonPath promotion = given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/models/run-" + id))
                .extract()
                .jsonPath();
        String model = promotion.getString("model");
        assertThat(model, equalTo("run-" + id));
        Map<String, Object> example = promotion.getMap("example");
        assertThat(example.keySet(), containsInAnyOrder("sepal_length", "sepal_width", "petal_length", "petal_width"));

        given().contentType(ContentType.JSON)
                .body(example)
                .queryParam("model", model)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .body("model", equalTo(model))
                .body("model_version", equalTo(id))
                .body("predicted_class", oneOf("setosa", "versicolor", "virginica"));
        given().contentType(ContentType.JSON)
                .body(example)
                .queryParam("model", model)
                .when()
                .post("/api/v1/predict/trace")
                .then()
                .statusCode(200)
                .body("stages.name", equalTo(List.of("parse", "scale", "predict", "respond")))
                .body("prediction.model", equalTo(model));
        given().when()
                .get("/api/v1/models/" + model)
                .then()
                .statusCode(200)
                .body("history", hasSize(40))
                .body("hyperparameters.hidden_units", equalTo(6))
                .body("hyperparameters.layers", equalTo(List.of(4, 6, 3)))
                .body("hyperparameters.training_run", equalTo(id))
                .body("test.size", equalTo(30));
        given().when().get("/api/v1/models").then().body("name", hasItem(model));
        given().when()
                .get("/api/v1/trainings/" + id)
                .then()
                .body("promoted_as", equalTo(model))
                .body("links.model", equalTo("/api/v1/models/" + model));

        // Promoting it again says where it is already served.
        given().when()
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(200)
                .body("model", equalTo(model))
                .body("created", equalTo(false));
        // So does a bare POST, as the README's curl -X POST sends it: no body and no Content-Type at all.
        HttpResponse<String> bare = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/trainings/"
                                        + id + "/promotion"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode(), equalTo(200));
        assertThat(bare.headers().firstValue("Content-Type").orElse(""), containsString("application/json"));
        assertThat(JsonPath.from(bare.body()).getString("model"), equalTo(model));
    }

    @Test
    void aRunOnAnotherDataSetIsServedWithItsOwnFeatures() {
        String id = start("{\"dataset\":\"breast-cancer\",\"epochs\":20}");
        assertThat(Trainings.awaitEnd(id).getList("summary.test.classes"), equalTo(List.of("benign", "malignant")));
        JsonPath promotion = given().contentType(ContentType.JSON)
                .body("{\"name\":\"my-screen\"}")
                .when()
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(promotion.getString("model"), equalTo("my-screen"));
        Map<String, Object> example = promotion.getMap("example");
        assertThat(example.size(), equalTo(30));
        given().contentType(ContentType.JSON)
                .body(example)
                .when()
                .post("/api/v1/predict?model=my-screen")
                .then()
                .statusCode(200)
                .body("predicted_class", oneOf("benign", "malignant"))
                .body("probabilities.size()", equalTo(2));
        given().contentType(ContentType.JSON)
                .body("{\"mean_radius\": -1}")
                .when()
                .post("/api/v1/predict?model=my-screen")
                .then()
                .statusCode(422)
                .body("errors.find { it.field == 'mean_radius' }.rule", equalTo("minimum"))
                .body("errors.findAll { it.rule == 'required' }.size()", greaterThan(0));
    }

    @Test
    void promotionRefusesARunningRunABadNameAndATakenName() {
        String running = start(SLOW);
        given().when()
                .post("/api/v1/trainings/" + running + "/promotion")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("still training"));
        String done = start("{\"epochs\":2}");
        Trainings.awaitEnd(done);
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Bad Name!\"}")
                .when()
                .post("/api/v1/trainings/" + done + "/promotion")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].rule", equalTo("pattern"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"mlp\"}")
                .when()
                .post("/api/v1/trainings/" + done + "/promotion")
                .then()
                .statusCode(409)
                .body("detail", containsString("already served"));
    }

    @Test
    void aBadPromotionBodyGetsProblemDetailsNamingTheField() {
        String done = start("{\"epochs\":2}");
        Trainings.awaitEnd(done);
        String promotion = "/api/v1/trainings/" + done + "/promotion";
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"a\"}")
                .when()
                .post(promotion)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo("name must be 2 to 40 lower-case letters, digits and dashes, starting with a "
                                + "letter"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].rule", equalTo("pattern"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"fine-name\",\"colour\":\"red\"}")
                .when()
                .post(promotion)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("colour is not a field of this body; its fields: name"))
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].rule", equalTo("unknown-field"));
        given().contentType(ContentType.JSON)
                .body("[\"fine-name\"]")
                .when()
                .post(promotion)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("$ must be an object"));
        // The body is optional, so a request without one may have any type; one with a body must say it is JSON.
        given().contentType(ContentType.TEXT)
                .body("{\"name\":\"fine-name\"}")
                .when()
                .post(promotion)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":")
                .when()
                .post(promotion)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // Nothing was promoted by the bad bodies.
        given().when().get("/api/v1/trainings/" + done).then().body("promoted_as", equalTo(null));
    }

    @Test
    void promotedModelsAreBoundedInMemoryAndInTheDatabaseTheOldestRetiredFirst() {
        List<String> models = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = start("{\"epochs\":2,\"seed\":" + (100 + i) + "}");
            Trainings.awaitEnd(id);
            JsonPath promotion = given().when()
                    .post("/api/v1/trainings/" + id + "/promotion")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            models.add(promotion.getString("model"));
            retired.addAll(promotion.getList("retired"));
        }
        // %test.serving-lab.training.max-promoted=3 in memory, the latest ones.
        List<String> served = given().when().get("/api/v1/models").jsonPath().getList("name");
        assertThat(served, equalTo(List.of("mlp", "logreg", models.get(3), models.get(4), models.get(5))));
        // %test.serving-lab.training.max-stored-models=5 in the database: the sixth promotion deleted the first.
        assertThat(retired, hasItem(models.getFirst()));
        assertThat(retired.stream().filter(models.subList(1, 6)::contains).toList(), hasSize(0));
        given().contentType(ContentType.JSON)
                .body(IrisExamples.SETOSA)
                .when()
                .post("/api/v1/predict?model=" + models.getFirst())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // Let go from memory but kept in the database: loaded again when asked for, and then held.
        given().contentType(ContentType.JSON)
                .body(IrisExamples.SETOSA)
                .when()
                .post("/api/v1/predict?model=" + models.get(1))
                .then()
                .statusCode(200)
                .body("model", equalTo(models.get(1)));
        assertThat(given().when().get("/api/v1/models").jsonPath().getList("name"), hasItem(models.get(1)));
    }

    @Test
    void aRunWhoseLossDivergesStopsAndIsNotServed() {
        JsonPath run = Trainings.awaitEnd(start("{\"hidden_units\":256,\"activation\":\"relu\",\"learning_rate\":1,"
                + "\"momentum\":0.99,\"batch_size\":1,\"epochs\":50,\"patience\":5}"));
        assertThat(run.getString("status"), equalTo("completed"));
        assertThat(run.getString("summary.stop"), equalTo("diverged"));
        assertThat(run.getString("summary.stop_reason"), containsString("smaller learning rate"));
        assertThat(run.getList("history.train_loss"), everyItem(notNullValue()));
        given().when()
                .post("/api/v1/trainings/" + run.getString("id") + "/promotion")
                .then()
                .statusCode(409)
                .body("detail", containsString("diverged"));
    }

    @Test
    void theTrainingOperationsAreDocumented() {
        JsonPath openapi =
                given().accept("application/json").when().get("/q/openapi").jsonPath();
        String post = "paths.'/api/v1/trainings'.post";
        assertThat(
                openapi.getMap(post + ".requestBody.content.'application/json'.examples")
                        .keySet(),
                hasItem("overfitting"));
        assertThat(openapi.getMap(post + ".responses").keySet(), hasItem("429"));
        assertThat(openapi.getMap(post + ".responses").keySet(), hasItem("201"));
        assertThat(
                openapi.getMap("paths.'/api/v1/trainings/{id}/promotion'.post.responses")
                        .keySet(),
                hasItem("409"));
        // One operation, whose optional body is the promotion request: the bodiless variant is not published.
        String promotion = "paths.'/api/v1/trainings/{id}/promotion'.post";
        assertThat(
                openapi.getString(promotion + ".requestBody.content.'application/json'.schema.$ref"),
                containsString("PromotionRequest"));
        assertThat(openapi.getMap(promotion + ".responses").keySet(), hasItem("422"));
        assertThat(
                openapi.getMap("paths.'/api/v1/trainings/{id}'.delete.responses")
                        .keySet(),
                hasItem("202"));
        assertThat(
                openapi.getString("components.schemas.TrainingRequest.properties.patience.description"),
                containsString("Early stopping"));
        // Written from the hyperparameters' one definition and this server's limits.
        String epochs = "components.schemas.TrainingRequest.properties.epochs";
        assertThat(openapi.getInt(epochs + ".maximum"), equalTo(1500)); // %test.serving-lab.training.max-epochs
        assertThat(openapi.getInt(epochs + ".default"), equalTo(100));
        assertThat(
                openapi.getDouble("components.schemas.TrainingRequest.properties.learning_rate.exclusiveMinimum"),
                equalTo(0.0));
        assertThat(
                openapi.getList("components.schemas.TrainingRequest.properties.activation.enum"),
                equalTo(List.of("tanh", "sigmoid", "relu")));
        assertThat(
                openapi.getMap("components.schemas.TrainingRequest.properties").keySet(),
                hasItems("dataset", "max_train_rows", "seed", "pace_ms"));
        // Every stop cause and status, as the API writes them.
        assertThat(
                openapi.getList("components.schemas.StopCause.enum"),
                equalTo(List.of(
                        "epochs", "early-stop", "time-limit", "cancelled", "disconnected", "diverged", "error")));
        assertThat(
                openapi.getList("components.schemas.TrainingStatus.enum"),
                equalTo(List.of("running", "completed", "cancelled", "failed")));
        // A summary's status follows from its stop cause, and is still published as a field of its own.
        assertThat(
                openapi.getString("components.schemas.TrainingSummary.properties.status.$ref"),
                containsString("TrainingStatus"));
        assertThat(openapi.getList("components.schemas.TrainingSummary.required"), hasItem("status"));
    }

    @Test
    void earlyStoppingKeepsTheBestEpochAndSaysSo() {
        JsonPath run =
                Trainings.awaitEnd(start("{\"hidden_units\":256,\"learning_rate\":0.02,\"momentum\":0.9,\"epochs\":200,"
                        + "\"batch_size\":4,\"validation_fraction\":0.3,\"max_train_rows\":12,\"patience\":30}"));
        int kept = run.getInt("summary.kept_epoch");
        int ran = run.getInt("epochs_run");
        assertThat(run.getString("summary.stop"), equalTo("early-stop"));
        assertThat(ran, equalTo(kept + 30));
        assertThat(run.getInt("summary.best_epoch"), equalTo(kept));
        assertThat(run.getString("summary.observations.last().observation"), containsString("Early stop"));
        assertThat(
                run.getList("summary.observations.observation").toString(), containsString("Overfitting from epoch"));
        assertThat(run.<Integer>get("summary.overfitting_from"), greaterThan(0));
    }

    private static String start(String body) {
        String id = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/trainings/"))
                .body("status", oneOf("running", "completed"))
                .body("id", matchesPattern("[0-9a-f]{16}"))
                .extract()
                .path("id");
        STARTED.add(id);
        return id;
    }

    private static List<Object> curve(JsonPath run) {
        return run.getList("history.validation_loss");
    }
}
