package dev.servinglab.workshop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.servinglab.workshop.Workshops;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that join attempts are limited per client address, right or wrong, so that codes cannot be guessed.
 */
@QuarkusTest
@TestProfile(JoinRateLimitTest.ThreeJoinsPerMinute.class)
class JoinRateLimitTest {

    /** Allows three join attempts a minute, so that the fourth meets the limit. */
    public static class ThreeJoinsPerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serving-lab.workshop.joins-per-minute", "3");
        }
    }

    @Test
    void theFourthAttemptInAMinuteIsAskedToWait() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"t\"}");
        Workshops.join(workshop.code(), "Ana");
        given().contentType(ContentType.JSON)
                .body("{\"nickname\":\"Bo\"}")
                .when()
                .post("/api/v1/workshops/AAAAAA/learners")
                .then()
                .statusCode(422);
        Workshops.join(workshop.code(), "Cy");
        given().contentType(ContentType.JSON)
                .body("{\"nickname\":\"Di\"}")
                .when()
                .post("/api/v1/workshops/" + workshop.code() + "/learners")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429))
                .body("detail", containsString("join attempts"));
    }
}
