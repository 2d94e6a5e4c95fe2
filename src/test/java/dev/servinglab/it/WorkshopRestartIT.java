package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.servinglab.workshop.rest.WorkshopCookies;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged app with SIGKILL in the middle of a class and starts it again on the same database file:
 * every report it acknowledged is still there.
 */
class WorkshopRestartIT {

    /** Reports as fast as a learner's page may send them: the limit per learner would stop the test, not a bug. */
    private static final Map<String, String> UNLIMITED = Map.of("SERVING_LAB_WORKSHOP_REPORTS_PER_MINUTE", "100000");

    private PackagedApp app;
    private Path data;
    /** Set once every assertion has held: the data folder, with the apps' logs, is kept for a failed run. */
    private boolean passed;

    @AfterEach
    void stop() throws InterruptedException, IOException {
        if (app != null) {
            app.close();
        }
        if (passed) {
            PackagedApp.deleteTree(data);
        }
    }

    @Test
    void nothingAcknowledgedIsLostToKillNine() throws Exception {
        data = Files.createTempDirectory("serving-lab-it-data");
        int port = PackagedApp.freePort();
        app = PackagedApp.start(data, port, UNLIMITED);
        String base = app.base();

        JsonPath created = given().baseUri(base)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"restart\"}")
                .post("/api/v1/workshops")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String code = created.getString("workshop.code");
        String secret = created.getString("secret");

        // Four learners report as fast as they can; once enough reports are acknowledged, the app is killed.
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(40);
        List<Thread> learners = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            String nickname = "learner" + l;
            String token = given().baseUri(base)
                    .contentType(ContentType.JSON)
                    .body("{\"nickname\":\"" + nickname + "\"}")
                    .post("/api/v1/workshops/" + code + "/learners")
                    .then()
                    .statusCode(201)
                    .extract()
                    .cookie(WorkshopCookies.LEARNER);
            learners.add(Thread.ofPlatform().start(() -> report(base, token, nickname, acknowledged, enough)));
        }
        assertThat("reports acknowledged in time", enough.await(60, TimeUnit.SECONDS), is(true));
        app.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (Thread learner : learners) {
            learner.join(Duration.ofSeconds(30));
        }

        app = PackagedApp.start(data, port, UNLIMITED);
        JsonPath export = given().baseUri(base)
                .header("Authorization", "Bearer " + secret)
                .get("/api/v1/workshops/" + code + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> stored = export.<Object>getList("latency_runs").stream()
                .map(run -> (java.util.Map<?, ?>) run)
                .map(run -> run.get("nickname") + "/" + run.get("requests"))
                .toList();
        assertThat(acknowledged.size(), greaterThanOrEqualTo(40));
        assertThat(acknowledged, everyItem(org.hamcrest.Matchers.in(stored)));
        // Nothing unacknowledged was invented either: at most one report per learner was in flight at the kill.
        assertThat(stored.size(), lessThanOrEqualTo(acknowledged.size() + 4));
        given().baseUri(base)
                .header("Authorization", "Bearer " + secret)
                .get("/api/v1/workshops/" + code + "/dashboard")
                .then()
                .statusCode(200)
                .body("learners.size()", is(4));
        passed = true;
    }

    /** Reports latency runs, each with a number of requests unique to it, until the app stops answering. */
    private static void report(
            String base, String token, String nickname, Set<String> acknowledged, CountDownLatch enough) {
        for (int errors = 0; errors < 10_000; errors++) {
            // One answered request and a count of errors unique to this report: stored as requests = errors + 1.
            int requests = errors + 1;
            try {
                int status = given().baseUri(base)
                        .cookie(WorkshopCookies.LEARNER, token)
                        .contentType(ContentType.JSON)
                        .body("{\"latencies_ms\":[1.0],\"errors\":" + errors + ",\"concurrency\":1,\"seconds\":0.1}")
                        .post("/api/v1/me/latency-runs")
                        .statusCode();
                if (status == 200) {
                    acknowledged.add(nickname + "/" + requests);
                    enough.countDown();
                } else if (status != 429) {
                    return;
                }
            } catch (RuntimeException e) {
                return; // the app was killed: this report was not acknowledged
            }
        }
    }
}
