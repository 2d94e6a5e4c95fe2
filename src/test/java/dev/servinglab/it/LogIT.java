package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the packaged app's log as a learner running {@code ./lab start} and an operator read it: the startup log fits
 * on one screen and says where the app is and what is ready; a client's mistake leaves no stack trace.
 */
class LogIT {

    /** One screen of a terminal, as a laptop opens it. */
    private static final int SCREEN_LINES = 24;

    private static Path data;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws IOException {
        // A first start, on an empty data folder: the database is created and migrated, the noisiest start there is.
        data = Files.createTempDirectory("serving-lab-it-log");
        app = PackagedApp.start(data, PackagedApp.freePort(), Map.of());
        // The lessons and quizzes are loaded beside the models, and workshop mode warms up after the start: the log
        // is whole once all three have said so.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> app.log().contains("lessons from")
                        && app.log().contains("quizzes from")
                        && app.log().contains("Workshop mode warmed up"));
    }

    @AfterAll
    static void stop() throws InterruptedException, IOException {
        if (app != null) {
            app.close();
        }
        PackagedApp.deleteTree(data);
    }

    @Test
    void theStartupLogFitsOnOneScreenAndSaysWhereTheAppIsAndWhatIsReady() {
        List<String> lines = app.logLines();
        String log = String.join("\n", lines);

        assertThat(log, lines.size(), lessThanOrEqualTo(SCREEN_LINES));
        assertThat(log, containsString("Listening on: http://0.0.0.0:" + app.port()));
        assertThat(log, containsString("Trained mlp: test accuracy"));
        assertThat(log, containsString("Trained logreg: test accuracy"));
        assertThat(log, containsString("Models ready"));
        assertThat(log, containsString("Workshop mode warmed up"));
        assertThat(
                "no optimiser steps, no schema chatter",
                lines.stream()
                        .filter(l -> l.contains("[smile.") || l.contains("BFGS") || l.contains("[org.flywaydb"))
                        .toList(),
                empty());
    }

    @Test
    void aClientsMistakeLeavesNoStackTraceInTheLog() {
        int before = app.logLines().size();
        Function<String, RequestSpecification> json = body ->
                given().baseUri(app.base()).contentType(ContentType.JSON).body(body);
        List<Integer> statuses = List.of(
                json.apply("{\"sepal_length\":").post("/api/v1/predict").statusCode(),
                json.apply("{\"sepal_length\":\"long\"}")
                        .post("/api/v1/predict")
                        .statusCode(),
                json.apply("[]").post("/api/v1/predict/batch").statusCode(),
                json.apply("{\"instances\":[" + "{},".repeat(200_000) + "{}]}")
                        .post("/api/v1/predict/batch")
                        .statusCode(),
                given().baseUri(app.base())
                        .contentType(ContentType.TEXT)
                        .body("5.1,3.5,1.4,0.2")
                        .post("/api/v1/predict")
                        .statusCode(),
                json.apply("{}").accept("text/csv").post("/api/v1/predict").statusCode(),
                given().baseUri(app.base()).delete("/api/v1/predict").statusCode(),
                given().baseUri(app.base()).get("/api/v1/models/nope").statusCode(),
                given().baseUri(app.base()).get("/api/v1/trainings/nope/events").statusCode(),
                json.apply("{\"epochs\":-1,\"activation\":\"softmax\"}")
                        .post("/api/v1/trainings")
                        .statusCode(),
                given().baseUri(app.base())
                        .get("/api/v1/thresholds/spambase?threshold=high")
                        .statusCode(),
                json.apply("{\"inputs\":7}").post("/v2/models/iris/infer").statusCode(),
                given().baseUri(app.base()).get("/api/v1/me").statusCode(),
                json.apply("{\"nickname\":\"\"}")
                        .post("/api/v1/workshops/NOPE42/learners")
                        .statusCode(),
                given().baseUri(app.base()).get("/lessons/no-such-lesson").statusCode(),
                given().baseUri(app.base()).get("/exercises/%ZZ").statusCode());
        assertThat(
                "every mistake is a client error",
                statuses.stream().filter(s -> s < 400 || s >= 500).toList(),
                empty());
        // The requests are answered, and the console log is written as it is logged: whatever they logged is there.
        List<String> traces = app.logLines().stream()
                .skip(before)
                .filter(l -> l.startsWith("\tat ") || l.contains("Exception") || l.contains("ERROR"))
                .toList();
        assertThat(
                String.join("\n", app.logLines().subList(before, app.logLines().size())), traces, empty());
    }
}
