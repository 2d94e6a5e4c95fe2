package dev.servinglab.workshop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.workshop.Workshops;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that a workshop takes no more learners than it is configured for, and that a nickname taken in it is
 * refused whatever its case, while the class is being counted in memory rather than by a query per join.
 */
@QuarkusTest
@TestProfile(WorkshopFullTest.TwoLearners.class)
class WorkshopFullTest {

    /** Lets a workshop take two learners. */
    public static class TwoLearners implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serving-lab.workshop.max-learners", "2");
        }
    }

    @Test
    void theThirdLearnerIsToldTheWorkshopIsFull() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"Small class\"}");
        Workshops.join(workshop.code(), "Ana");
        join(workshop, "ANA")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].message", containsString("already taken"));
        Workshops.join(workshop.code(), "Bo");
        join(workshop, "Cy")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("is full (2 learners)"));

        // Another workshop counts its own class.
        Workshops.Created other = Workshops.create("{\"title\":\"Other class\"}");
        Workshops.join(other.code(), "Cy");
    }

    private static ValidatableResponse join(Workshops.Created workshop, String nickname) {
        return given().contentType(ContentType.JSON)
                .body("{\"nickname\":\"" + nickname + "\"}")
                .when()
                .post("/api/v1/workshops/" + workshop.code() + "/learners")
                .then();
    }
}
