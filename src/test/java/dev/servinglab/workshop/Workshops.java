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

        /** Returns the workshop's JSON export from an app at an address, such as {@code http://localhost:41234}. */
        public JsonPath export(String base) {
            return instructor()
                    .baseUri(base)
                    .get("/api/v1/workshops/" + code + "/export.json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
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
        return create(given(), body);
    }

    /** Creates a workshop on an app at another address, such as {@code http://localhost:41234}. */
    public static Created create(String base, String body) {
        return create(given().baseUri(base), body);
    }

    private static Created create(RequestSpecification request, String body) {
        JsonPath created = request.contentType(ContentType.JSON)
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
        return join(given(), code, nickname);
    }

    /** Joins a workshop on an app at another address, and returns the learner's cookie. */
    public static Joined join(String base, String code, String nickname) {
        return join(given().baseUri(base), code, nickname);
    }

    private static Joined join(RequestSpecification request, String code, String nickname) {
        String token = request.contentType(ContentType.JSON)
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
