package dev.servinglab.workshop.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.workshop.DashboardStream;
import dev.servinglab.workshop.Workshops;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Follows the instructor's dashboard stream as the dashboard page does, and checks that what the class reports
 * reaches it within two seconds, without polling.
 */
@QuarkusTest
class DashboardStreamTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aReportReachesTheDashboardStreamWithinTwoSeconds() throws Exception {
        Workshops.Created workshop = Workshops.create("{\"title\":\"stream\"}");
        try (DashboardStream dashboard = DashboardStream.open(base, workshop.code(), workshop.secret())) {
            JsonNode first = dashboard.next(Duration.ofSeconds(10));
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
            JsonNode shown = dashboard.await(
                    Duration.ofSeconds(2), "report " + seq, d -> d.path("seq").asLong() >= seq);
            assertThat(shown.path("learners").get(0).path("nickname").asText(), equalTo("Ana"));
            assertThat(shown.path("load").path("requests").asLong(), equalTo(2L));
        }
    }
}
