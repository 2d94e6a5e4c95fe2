package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.servinglab.workshop.Workshops;
import dev.servinglab.workshop.rest.WorkshopCookies;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stops the packaged app with SIGTERM, as Ctrl+C, {@code docker stop} or systemd do, in the middle of a class: a
 * training followed live, an instructor's dashboard and a learner's page streaming, a learner reporting. The
 * streams get a last event saying the server is stopping, the process exits within 10 s, and every report it
 * acknowledged is there after a restart on the same data folder.
 */
class GracefulShutdownIT extends AppOnADataFolder {

    private static final Duration EXIT_WITHIN = Duration.ofSeconds(10);
    /** 128 + SIGTERM: how a JVM that ran its shutdown hooks after a SIGTERM may exit. */
    private static final int EXIT_ON_SIGTERM = 143;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sigtermEndsTheStreamsWithALastEventKeepsEveryAcknowledgedReportAndExitsInTime() throws Exception {
        data = Files.createTempDirectory("serving-lab-it-shutdown");
        int port = PackagedApp.freePort();
        app = PackagedApp.start(data, port, Map.of("SERVING_LAB_WORKSHOP_REPORTS_PER_MINUTE", "100000"));
        String base = app.base();

        Workshops.Created workshop = Workshops.create(base, "{\"title\":\"shutdown\"}");
        String code = workshop.code();
        String secret = workshop.secret();
        String token = given().baseUri(base)
                .contentType(ContentType.JSON)
                .body("{\"nickname\":\"ada\"}")
                .post("/api/v1/workshops/" + code + "/learners")
                .then()
                .statusCode(201)
                .extract()
                .cookie(WorkshopCookies.LEARNER);

        // A run that would train for minutes, followed live.
        String run = given().baseUri(base)
                .contentType(ContentType.JSON)
                .body("{\"epochs\":2000,\"pace_ms\":100,\"seed\":3}")
                .post("/api/v1/trainings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        EventStream training = follow(base + "/api/v1/trainings/" + run + "/events", Map.of());
        EventStream dashboard = follow(
                base + "/api/v1/workshops/" + code + "/dashboard/events", Map.of("Authorization", "Bearer " + secret));
        EventStream learner =
                follow(base + "/api/v1/me/events", Map.of("Cookie", WorkshopCookies.LEARNER + "=" + token));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> training.has("event:epoch")
                        && dashboard.has("event:dashboard")
                        && learner.has("event:workshop"));

        // A learner reports as fast as the server answers, before, during and after the SIGTERM.
        Reporter reporter = new Reporter(base, token);
        Thread reporting = Thread.ofPlatform().start(reporter);
        await().atMost(Duration.ofSeconds(60)).until(() -> reporter.acknowledged.size() >= 20);

        long signalled = System.nanoTime();
        app.process().destroy(); // SIGTERM on Linux
        boolean exited = app.process().waitFor(EXIT_WITHIN.toSeconds() + 5, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);
        reporting.join(Duration.ofSeconds(30));

        assertThat("exited; log:\n" + app.log(), exited, is(true));
        assertThat("exited within " + EXIT_WITHIN + ", took " + took, took, lessThanOrEqualTo(EXIT_WITHIN));
        assertThat(app.process().exitValue(), anyOf(equalTo(0), equalTo(EXIT_ON_SIGTERM)));
        for (EventStream stream : List.of(training, dashboard, learner)) {
            stream.reader.join(Duration.ofSeconds(10));
            assertThat("the stream ended: " + stream.url, stream.reader.isAlive(), is(false));
        }
        assertThat(training.text(), containsString("event:summary"));
        assertThat(training.text(), containsString("the server is stopping"));
        assertThat(dashboard.text(), containsString("event:shutdown"));
        assertThat(learner.text(), containsString("event:shutdown"));
        assertThat(learner.text(), containsString("The server is stopping"));
        assertThat("answers other than stored, busy or stopping", reporter.unexpected, empty());

        app = PackagedApp.start(data, port, Map.of());
        JsonPath export = workshop.export(base);
        List<Integer> stored = export.<Map<String, Object>>getList("latency_runs").stream()
                .map(r -> ((Number) r.get("requests")).intValue())
                .toList();
        assertThat(reporter.acknowledged.size(), greaterThanOrEqualTo(20));
        assertThat(reporter.acknowledged, everyItem(in(stored)));
        // Nothing unacknowledged was invented either: at most the one report in flight when the app stopped.
        assertThat(stored.size(), lessThanOrEqualTo(reporter.acknowledged.size() + 1));
        passed();
    }

    /** Follows a Server-Sent Events stream on a thread of its own, keeping every line, until the stream ends. */
    private EventStream follow(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        EventStream stream = new EventStream(url);
        stream.reader = Thread.ofPlatform().start(() -> {
            try {
                HttpResponse<java.util.stream.Stream<String>> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                response.body().forEach(stream.lines::add);
            } catch (IOException | RuntimeException e) {
                stream.lines.add("! " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return stream;
    }

    /** Holds the lines a stream has sent so far. */
    private static final class EventStream {
        final String url;
        final List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader;

        EventStream(String url) {
            this.url = url;
        }

        boolean has(String line) {
            return lines.contains(line);
        }

        String text() {
            return url + ":\n" + String.join("\n", lines);
        }
    }

    /**
     * Reports latency runs, each with a number of requests unique to it, until the server refuses them or stops
     * answering; keeps those acknowledged, and any answer that is neither stored (200), busy (429) nor stopping
     * (503 with problem details).
     */
    private static final class Reporter implements Runnable {
        final String base;
        final String token;
        final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        final List<String> unexpected = new CopyOnWriteArrayList<>();

        Reporter(String base, String token) {
            this.base = base;
            this.token = token;
        }

        @Override
        public void run() {
            for (int errors = 0; errors < 100_000; errors++) {
                Response response;
                try {
                    response = given().baseUri(base)
                            .cookie(WorkshopCookies.LEARNER, token)
                            .contentType(ContentType.JSON)
                            .body("{\"latencies_ms\":[1.0],\"errors\":" + errors
                                    + ",\"concurrency\":1,\"seconds\":0.1}")
                            .post("/api/v1/me/latency-runs");
                } catch (RuntimeException e) {
                    return; // the server has closed: this report was not acknowledged
                }
                int status = response.statusCode();
                if (status == 200) {
                    acknowledged.add(errors + 1); // stored as requests = errors + 1
                } else if (status == 503) {
                    if (!response.contentType().startsWith("application/problem+json")) {
                        unexpected.add("503 " + response.contentType() + " " + response.asString());
                    }
                    return;
                } else if (status != 429) {
                    unexpected.add(status + " " + response.asString());
                    return;
                }
            }
        }
    }
}
