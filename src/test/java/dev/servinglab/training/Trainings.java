package dev.servinglab.training;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;

/**
 * Starts training runs through the API and waits for them to end, as a client would, for the tests that need a
 * finished run.
 */
public final class Trainings {

    private Trainings() {}

    /** Starts a run with the given request body and returns its id. */
    public static String start(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Waits until the run has ended and returns it, as the request that saw it ended read it. */
    public static JsonPath awaitEnd(String id) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> given().when()
                                .get("/api/v1/trainings/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        run -> !run.getString("status").equals("running"));
    }
}
