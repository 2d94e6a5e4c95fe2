package dev.servinglab.workshop.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.training.Trainings;
import dev.servinglab.workshop.Workshops;
import dev.servinglab.workshop.rest.WorkshopCookies;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Announces the stop as Quarkus does on SIGTERM, before it waits for the requests in flight, and checks what clients
 * see then: the training followed live and the workshop streams end with a last event saying the server is
 * stopping, a new stream gets that event at once, and a new report or run is refused with 503 problem details.
 * The app of its own profile, so that no other test meets a stopping server; the packaged app's real SIGTERM is
 * {@code GracefulShutdownIT}'s.
 */
@QuarkusTest
@TestProfile(StoppingServerTest.Alone.class)
class StoppingServerTest {

    /** Runs this test in an app of its own. */
    public static class Alone implements QuarkusTestProfile {}

    @TestHTTPResource("/")
    URI base;

    @Inject
    Event<ShutdownDelayInitiatedEvent> stop;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void streamsEndWithALastEventAndNewWorkIsRefusedWithProblemDetails() throws Exception {
        Workshops.Created workshop = Workshops.create("{\"title\":\"stopping\"}");
        Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
        String run = Trainings.start("{\"epochs\":1500,\"pace_ms\":100,\"seed\":3}");
        Lines training = follow("/api/v1/trainings/" + run + "/events", Map.of());
        Lines dashboard = follow(
                "/api/v1/workshops/" + workshop.code() + "/dashboard/events",
                Map.of("Authorization", "Bearer " + workshop.secret()));
        Lines learner = follow("/api/v1/me/events", Map.of("Cookie", WorkshopCookies.LEARNER + "=" + ana.token()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> training.lines.contains("event:epoch")
                        && dashboard.lines.contains("event:dashboard")
                        && learner.lines.contains("event:workshop"));

        stop.fire(new ShutdownDelayInitiatedEvent());

        for (Lines stream : List.of(training, dashboard, learner)) {
            stream.reader.join(Duration.ofSeconds(10));
            assertThat("the stream has ended: " + stream.lines, stream.reader.isAlive(), is(false));
        }
        assertThat(training.lines, hasItem("event:summary"));
        String summary = training.lines.stream()
                .skip(training.lines.indexOf("event:summary"))
                .filter(line -> line.startsWith("data:"))
                .findFirst()
                .orElse("no data after the summary event");
        assertThat(summary, containsString("\"status\":\"cancelled\""));
        assertThat(summary, containsString("the server is stopping"));
        assertThat(dashboard.lines, hasItem("event:shutdown"));
        assertThat(learner.lines, hasItem("event:shutdown"));
        assertThat(learner.lines, hasItem(containsString("The server is stopping")));

        Lines late = follow(
                "/api/v1/workshops/" + workshop.code() + "/dashboard/events",
                Map.of("Authorization", "Bearer " + workshop.secret()));
        late.reader.join(Duration.ofSeconds(10));
        assertThat(late.lines, hasItem("event:shutdown"));

        ana.learner()
                .contentType(ContentType.JSON)
                .body("{\"latencies_ms\":[1.0],\"errors\":0,\"concurrency\":1,\"seconds\":0.1}")
                .when()
                .post("/api/v1/me/latency-runs")
                .then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", containsString("The server is stopping; nothing was stored"));
        given().contentType(ContentType.JSON)
                .body("{\"epochs\":5}")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("The server is stopping"));
    }

    /** Follows a Server-Sent Events stream on a thread of its own, keeping every line, until the stream ends. */
    private Lines follow(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        Lines lines = new Lines();
        lines.reader = Thread.ofPlatform().start(() -> {
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                response.body().forEach(lines.lines::add);
            } catch (IOException e) {
                lines.lines.add("! " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return lines;
    }

    /** Holds the lines a stream has sent so far. */
    private static final class Lines {
        final List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader;
    }
}
