package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.testsupport.PostgresAvailable;
import dev.servinglab.workshop.DashboardStream;
import dev.servinglab.workshop.Workshops;
import dev.servinglab.workshop.rest.WorkshopCookies;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs two instances of the app built for PostgreSQL on one database, as behind a load balancer: what a learner
 * does through one reaches the instructor's dashboard stream on the other, and when one is killed with SIGKILL the
 * class goes on through the other with nothing acknowledged lost.
 */
@ExtendWith(PostgresAvailable.class)
class WorkshopTwoInstancesIT {

    private static final Duration LIVE = Duration.ofSeconds(2);

    private final List<PackagedApp> apps = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    /** Set once every assertion has held: the data folders, with the apps' logs, are kept for a failed run. */
    private boolean passed;

    @AfterEach
    void stop() throws InterruptedException, IOException {
        for (PackagedApp app : apps) {
            app.close();
        }
        if (passed) {
            for (Path folder : folders) {
                PackagedApp.deleteTree(folder);
            }
        }
    }

    @Test
    void theDashboardOnOneInstanceFollowsAClassOnTheOtherAndOutlivesItsKill() throws Exception {
        PackagedApp a = start(true);
        PackagedApp b = start(false);
        Workshops.Created workshop = Workshops.create(a.base(), "{\"title\":\"two instances\"}");
        String code = workshop.code();
        String secret = workshop.secret();

        try (DashboardStream dashboard = DashboardStream.open(URI.create(b.base() + "/"), code, secret)) {
            assertThat(dashboard.next(Duration.ofSeconds(10)).path("learners").size(), is(0));

            // A learner joins and answers through A; the dashboard on B shows both within 2 s.
            String ada = Workshops.join(a.base(), code, "Ada").token();
            JsonPath quiz = given().baseUri(a.base())
                    .get("/api/v1/quizzes")
                    .then()
                    .extract()
                    .jsonPath();
            String slug = quiz.getString("[0].slug");
            String question = quiz.getString("[0].questions.find { it.kind == 'single' }.id");
            long seq = given().baseUri(a.base())
                    .cookie(WorkshopCookies.LEARNER, ada)
                    .contentType(ContentType.JSON)
                    .body("{\"quiz\":\"" + slug + "\",\"question\":\"" + question + "\",\"answer\":{\"choices\":[0]}}")
                    .post("/api/v1/me/answers")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getLong("seq");
            JsonNode shown =
                    dashboard.await(LIVE, "Ada's answer", d -> d.path("seq").asLong() >= seq);
            assertThat(shown.path("learners").get(0).path("nickname").asText(), is("Ada"));
            assertThat(answered(shown, slug, question), is(1));

            // Four learners report through A as fast as they can; A is killed in the middle of it, and they go on
            // through B, with the cookie they got from A.
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            CountDownLatch throughA = new CountDownLatch(40);
            CountDownLatch throughB = new CountDownLatch(40);
            List<Thread> learners = new ArrayList<>();
            for (int l = 0; l < 4; l++) {
                String nickname = "learner" + l;
                String token = Workshops.join(a.base(), code, nickname).token();
                learners.add(Thread.ofPlatform().start(() -> {
                    int next = WorkshopRestartIT.report(
                            a.base(),
                            token,
                            nickname,
                            1,
                            run -> {
                                acknowledged.add(run);
                                throughA.countDown();
                            },
                            () -> false);
                    WorkshopRestartIT.report(
                            b.base(),
                            token,
                            nickname,
                            next,
                            run -> {
                                acknowledged.add(run);
                                throughB.countDown();
                            },
                            () -> throughB.getCount() == 0);
                }));
            }
            assertThat("reports acknowledged by A in time", throughA.await(60, TimeUnit.SECONDS), is(true));
            a.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat("reports acknowledged by B in time", throughB.await(60, TimeUnit.SECONDS), is(true));
            for (Thread learner : learners) {
                learner.join(Duration.ofSeconds(30));
            }

            JsonPath export = workshop.export(b.base());
            List<String> stored = export.<Map<String, Object>>getList("latency_runs").stream()
                    .map(run -> run.get("nickname") + "/" + run.get("requests"))
                    .toList();
            assertThat(acknowledged.size(), greaterThanOrEqualTo(80));
            assertThat(acknowledged, everyItem(in(stored)));
            // At most one report per learner was in flight at the kill, stored but not acknowledged.
            assertThat(stored.size(), lessThanOrEqualTo(acknowledged.size() + 4));
            // B's dashboard stream, open all along, counts every stored run: A's, told by A before it died, and B's.
            JsonNode last = dashboard.await(
                    LIVE,
                    stored.size() + " latency runs",
                    d -> d.path("load").path("runs").asInt() == stored.size());
            assertThat(last.path("learners").size(), is(5));
        }
        passed = true;
    }

    private PackagedApp start(boolean first) throws IOException {
        Path data = Files.createTempDirectory("serving-lab-it-two");
        folders.add(data);
        Map<String, String> environment = new HashMap<>(PackagedApp.postgres(first));
        environment.putAll(WorkshopRestartIT.UNLIMITED);
        environment.put("SERVING_LAB_WORKSHOP_WARM_UP", "false");
        PackagedApp app =
                PackagedApp.start(PackagedApp.POSTGRES_JAR, data, PackagedApp.freePort(), environment, List.of());
        apps.add(app);
        return app;
    }

    private static int answered(JsonNode dashboard, String quiz, String question) {
        return StreamSupport.stream(dashboard.path("questions").spliterator(), false)
                .filter(row -> row.path("quiz").asText().equals(quiz)
                        && row.path("question").asText().equals(question))
                .findFirst()
                .map(row -> row.path("answered").asInt())
                .orElse(-1);
    }
}
