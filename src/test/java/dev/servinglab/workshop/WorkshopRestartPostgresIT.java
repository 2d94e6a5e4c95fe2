package dev.servinglab.workshop;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.servinglab.testsupport.PostgresAvailable;
import dev.servinglab.testsupport.PostgresProfile;
import dev.servinglab.workshop.rest.WorkshopCookies;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills the app built for PostgreSQL with SIGKILL in the middle of a class and starts it again on the same
 * database: every report it acknowledged is still there, as with the H2 file ({@code WorkshopRestartIT}). That app
 * is built into target/quarkus-app-postgresql before the tests, as .ci/run does.
 */
@ExtendWith(PostgresAvailable.class)
class WorkshopRestartPostgresIT {

    private static final Path JAR = Path.of("target", "quarkus-app-postgresql", "quarkus-run.jar");

    private Process app;
    private Path data;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (data != null) {
            try (Stream<Path> tree = Files.walk(data)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void nothingAcknowledgedIsLostToKillNine() throws Exception {
        assertThat(
                JAR + " is built first, as .ci/run does: ./mvnw package -DskipTests"
                        + " -Dquarkus.datasource.db-kind=postgresql"
                        + " -Dquarkus.package.output-directory=$PWD/target/quarkus-app-postgresql",
                Files.isRegularFile(JAR));
        data = Files.createTempDirectory("serving-lab-it-postgres");
        int port = freePort();
        String base = "http://localhost:" + port;
        // The first start empties the test database; the restart keeps what the first one stored.
        app = start(port, Map.of("QUARKUS_FLYWAY_CLEAN_DISABLED", "false", "QUARKUS_FLYWAY_CLEAN_AT_START", "true"));

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
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (Thread learner : learners) {
            learner.join(Duration.ofSeconds(30));
        }

        app = start(port, Map.of());
        JsonPath export = given().baseUri(base)
                .header("Authorization", "Bearer " + secret)
                .get("/api/v1/workshops/" + code + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> stored = export.<Map<String, Object>>getList("latency_runs").stream()
                .map(run -> run.get("nickname") + "/" + run.get("requests"))
                .toList();
        assertThat(acknowledged.size(), greaterThanOrEqualTo(40));
        assertThat(acknowledged, everyItem(in(stored)));
        // Nothing unacknowledged was invented either: at most one report per learner was in flight at the kill.
        assertThat(stored.size(), lessThanOrEqualTo(acknowledged.size() + 4));
        given().baseUri(base)
                .header("Authorization", "Bearer " + secret)
                .get("/api/v1/workshops/" + code + "/dashboard")
                .then()
                .statusCode(200)
                .body("learners.size()", is(4));
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
            } catch (Exception e) { // RestAssured throws SocketException, checked, without declaring it
                return; // the app was killed: this report was not acknowledged
            }
        }
    }

    /** Starts the app on the test database and returns once it is ready. */
    private Process start(int port, Map<String, String> environment) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = data.resolve("app-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("SERVING_LAB_DATA_DIR", data.toString());
        builder.environment().put("SERVING_LAB_WORKSHOP_REPORTS_PER_MINUTE", "100000");
        builder.environment().put("SERVING_LAB_WORKSHOP_WARM_UP", "false");
        builder.environment()
                .put("QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.url().orElseThrow());
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", PostgresProfile.user());
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", PostgresProfile.password());
        builder.environment().putAll(environment);
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the app exited at startup:\n" + Files.readString(log));
                    }
                    return ready(port);
                });
        return process;
    }

    private static boolean ready(int port) {
        try {
            return given().baseUri("http://localhost:" + port)
                            .get("/q/health/ready")
                            .statusCode()
                    == 200;
        } catch (Exception e) { // RestAssured throws ConnectException, checked, without declaring it
            return false; // not listening yet
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
