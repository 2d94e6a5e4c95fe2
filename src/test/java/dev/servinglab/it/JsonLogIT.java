package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the packaged app with {@code SERVING_LAB_LOG_JSON=true}, as an operator whose log collector reads JSON does:
 * every line it writes, from the first at startup to the last at shutdown, is one JSON object with the timestamp,
 * level, logger, message and thread; a client's mistake leaves no exception in it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsonLogIT {

    /** Strict: a line with anything after its object is not a line of JSON. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static Path data;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("serving-lab-it-json-log");
        // Without workshop mode's warm-up, a minute of CPU that logs one line like any other.
        app = PackagedApp.start(
                data,
                PackagedApp.freePort(),
                Map.of("SERVING_LAB_LOG_JSON", "true", "SERVING_LAB_WORKSHOP_WARM_UP", "false"));
        // The lessons and the quizzes are loaded beside the start: the startup log is whole once both have said so.
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> app.log().contains("lessons from") && app.log().contains("quizzes from"));
    }

    @AfterAll
    static void stop() throws InterruptedException, IOException {
        if (app != null) {
            app.close();
        }
        PackagedApp.deleteTree(data);
    }

    @Test
    @Order(2)
    void everyLineFromStartToStopIsOneJsonObjectWithTheFieldsAnOperatorNeeds() throws Exception {
        // Stopped as an operator stops it (SIGTERM), so that the shutdown's lines are read too.
        app.process().destroy();
        assertThat("stopped in time", app.process().waitFor(15, TimeUnit.SECONDS), is(true));
        List<Map<String, Object>> records = records(app.logLines());
        assertThat("the log has lines", records, not(empty()));

        assertThat(
                records,
                everyItem(allOf(
                        hasKey("timestamp"), hasKey("level"), hasKey("logger"), hasKey("message"), hasKey("thread"))));
        assertThat(
                records.stream().map(r -> (String) r.get("timestamp")).toList(),
                everyItem(matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")));
        List<String> messages =
                records.stream().map(r -> (String) r.get("message")).toList();
        assertThat(messages, hasItem(startsWith("Trained mlp: test accuracy")));
        assertThat(messages, hasItem(containsString("Listening on: http://0.0.0.0:" + app.port())));
        assertThat(messages, hasItem(containsString("lessons from")));
        assertThat(messages, hasItem(containsString("stopped in")));
        assertThat(
                records.stream()
                        .filter(r -> String.valueOf(r.get("message")).startsWith("Trained mlp"))
                        .map(r -> r.get("logger") + " " + r.get("level") + " " + r.get("thread"))
                        .toList(),
                hasItem("dev.servinglab.model.service.ModelRegistry INFO model-training"));
    }

    @Test
    @Order(1)
    void aClientsMistakeLeavesNoExceptionInTheLog() throws Exception {
        int before = app.logLines().size();
        int[] statuses = {
            given().baseUri(app.base())
                    .contentType(ContentType.JSON)
                    .body("{\"sepal_length\":")
                    .post("/api/v1/predict")
                    .statusCode(),
            given().baseUri(app.base())
                    .contentType(ContentType.JSON)
                    .body("{\"instances\":[" + "{},".repeat(200_000) + "{}]}")
                    .post("/api/v1/predict/batch")
                    .statusCode(),
            given().baseUri(app.base()).get("/api/v1/trainings/nope/events").statusCode(),
            given().baseUri(app.base())
                    .get("/api/v1/thresholds/spambase?threshold=high")
                    .statusCode(),
        };
        for (int status : statuses) {
            assertThat("a client error", status >= 400 && status < 500, is(true));
        }
        assertThat(PackagedApp.rawGet(app.port(), "/x/%zz"), startsWith("HTTP/1.1 400"));

        // The answers are sent, and the console log is written as it is logged: whatever they logged is there.
        List<String> after = app.logLines().subList(before, app.logLines().size());
        List<Map<String, Object>> records = records(after);
        assertThat(String.join("\n", after), records, everyItem(not(hasKey("exception"))));
        assertThat(
                String.join("\n", after),
                records.stream()
                        .filter(r -> List.of("ERROR", "SEVERE").contains(r.get("level")))
                        .toList(),
                empty());
    }

    /** Parses every line as a JSON object, failing on the first that is not one; none is none. */
    private static List<Map<String, Object>> records(List<String> lines) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : lines) {
            try {
                records.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a line of JSON: " + line, e);
            }
        }
        return records;
    }
}
