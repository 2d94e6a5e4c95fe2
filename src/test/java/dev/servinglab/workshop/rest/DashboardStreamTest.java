package dev.servinglab.workshop.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.workshop.Workshops;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Follows the instructor's dashboard stream as the dashboard page does, and checks that what the class reports
 * reaches it within two seconds, without polling.
 */
@QuarkusTest
class DashboardStreamTest {

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReportReachesTheDashboardStreamWithinTwoSeconds() throws Exception {
        Workshops.Created workshop = Workshops.create("{\"title\":\"stream\"}");
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/api/v1/workshops/" + workshop.code() + "/dashboard/events"))
                .header("Authorization", "Bearer " + workshop.secret())
                .header("Accept", "text/event-stream")
                .build();
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode(), equalTo(200));
            Thread reader = Thread.ofVirtual().start(() -> read(response.body(), events));
            JsonNode first = events.poll(10, TimeUnit.SECONDS);
            assertThat("the dashboard at once", first, notNullValue());
            assertThat(first.path("learners").size(), equalTo(0));

            Workshops.Joined ana = Workshops.join(workshop.code(), "Ana");
            long seq = ana.learner()
                    .contentType(ContentType.JSON)
                    .body("{\"latencies_ms\":[1.0,2.0],\"errors\":0,\"concurrency\":1,\"seconds\":0.01}")
                    .post("/api/v1/me/latency-runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getLong("seq");
            long acknowledgedAt = System.nanoTime();
            JsonNode shown = null;
            while (shown == null) {
                long left = Duration.ofSeconds(2).toNanos() - (System.nanoTime() - acknowledgedAt);
                JsonNode event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                assertThat("a dashboard event with the report within 2 s", event, notNullValue());
                if (event.path("seq").asLong() >= seq) {
                    shown = event;
                }
            }
            assertThat(shown.path("learners").get(0).path("nickname").asText(), equalTo("Ana"));
            assertThat(shown.path("load").path("requests").asLong(), equalTo(2L));
            reader.interrupt();
            response.body().close();
        }
    }

    private void read(InputStream body, BlockingQueue<JsonNode> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(json.readTree(line.substring("data:".length())));
                }
            }
        } catch (Exception e) {
            // the test closed the stream
        }
    }
}
