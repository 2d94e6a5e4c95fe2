package dev.servinglab.workshop;

import static io.restassured.RestAssured.given;

import dev.servinglab.workshop.rest.WorkshopCookies;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Creates workshops and joins learners through the API, as an instructor's and a learner's browser would, for the
 * tests that need a class.
 */
public final class Workshops {

    private Workshops() {}

    /** Holds a workshop created for a test: its code and the instructor's secret. */
    public record Created(String code, String secret) {
        /** Returns a request carrying the instructor's secret. */
        public RequestSpecification instructor() {
            return given().header("Authorization", "Bearer " + secret);
        }
    }

    /** Holds a learner who joined: their nickname and their browser's cookie. */
    public record Joined(String nickname, String token) {
        /** Returns a request carrying the learner's cookie. */
        public RequestSpecification learner() {
            return given().cookie(WorkshopCookies.LEARNER, token);
        }
    }

    /** Creates a workshop with a body such as {@code {"title":"t"}}. */
    public static Created create(String body) {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Created(created.getString("workshop.code"), created.getString("secret"));
    }

    /** Joins a workshop with a nickname and returns the learner's cookie. */
    public static Joined join(String code, String nickname) {
        String token = given().contentType(ContentType.JSON)
                .body("{\"nickname\": \"" + nickname + "\"}")
                .when()
                .post("/api/v1/workshops/" + code + "/learners")
                .then()
                .statusCode(201)
                .extract()
                .cookie(WorkshopCookies.LEARNER);
        return new Joined(nickname, token);
    }
}
