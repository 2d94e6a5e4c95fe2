package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.servinglab.workshop.Workshops;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged app with SIGKILL in the middle of a class and starts it again on the same database file:
 * every report it acknowledged is still there.
 */
class WorkshopRestartIT extends AppOnADataFolder {

    /** Reports as fast as a learner's page may send them: the limit per learner would stop the test, not a bug. */
    static final Map<String, String> UNLIMITED = Map.of("SERVING_LAB_WORKSHOP_REPORTS_PER_MINUTE", "100000");

    @Test
    void nothingAcknowledgedIsLostToKillNine() throws Exception {
        data = Files.createTempDirectory("serving-lab-it-data");
        int port = PackagedApp.freePort();
        app = start(data, port, true);
        String base = app.base();

        Workshops.Created workshop = Workshops.create(base, "{\"title\":\"restart\"}");
        String code = workshop.code();
        String secret = workshop.secret();

        // Four learners report as fast as they can; once enough reports are acknowledged, the app is killed.
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(40);
        List<Thread> learners = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            String nickname = "learner" + l;
            String token = Workshops.join(base, code, nickname).token();
            learners.add(Thread.ofPlatform().start(() -> report(base, token, nickname, acknowledged, enough)));
        }
        assertThat("reports acknowledged in time", enough.await(60, TimeUnit.SECONDS), is(true));
        app.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (Thread learner : learners) {
            learner.join(Duration.ofSeconds(30));
        }

        app = start(data, port, false);
        JsonPath export = workshop.export(base);
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
        passed();
    }

    /**
     * Starts the app on the test's database.
     *
     * @param first true for the first start, false for the restart, which keeps what the first one stored
     */
    PackagedApp start(Path data, int port, boolean first) throws IOException {
        return PackagedApp.start(data, port, UNLIMITED);
    }

    /** Reports latency runs, each with a number of requests unique to it, until the app stops answering. */
    private static void report(
            String base, String token, String nickname, Set<String> acknowledged, CountDownLatch enough) {
        report(
                base,
                token,
                nickname,
                1,
                run -> {
                    acknowledged.add(run);
                    enough.countDown();
                },
                () -> false);
    }

    /**
     * Reports latency runs to an app, each with a number of requests unique to it (stored as {@code requests}),
     * until the app stops answering or the test has enough.
     *
     * @param first        the number of the first report
     * @param acknowledged takes each acknowledged report as {@code nickname/requests}
     * @param enough       says when to stop
     * @return the number of the next report: the one the app did not acknowledge, or the one not sent
     */
    static int report(
            String base,
            String token,
            String nickname,
            int first,
            Consumer<String> acknowledged,
            BooleanSupplier enough) {
        int requests = first;
        for (; requests < first + 10_000 && !enough.getAsBoolean(); requests++) {
            // One answered request and a count of errors that make the number unique to this report.
            try {
                int status = given().baseUri(base)
                        .cookie(WorkshopCookies.LEARNER, token)
                        .contentType(ContentType.JSON)
                        .body("{\"latencies_ms\":[1.0],\"errors\":" + (requests - 1)
                                + ",\"concurrency\":1,\"seconds\":0.1}")
                        .post("/api/v1/me/latency-runs")
                        .statusCode();
                if (status == 200) {
                    acknowledged.accept(nickname + "/" + requests);
                } else if (status != 429) {
                    return requests;
                }
            } catch (Exception e) { // RestAssured throws SocketException, checked, without declaring it
                return requests; // the app was killed: this report was not acknowledged
            }
        }
        return requests;
    }
}
