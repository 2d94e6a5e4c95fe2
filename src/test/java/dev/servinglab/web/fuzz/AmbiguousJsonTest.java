package dev.servinglab.web.fuzz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Checks that a body whose meaning is ambiguous is refused with 400 and the reason, not guessed at: a field given
 * twice (which answered 500 on a record body before the fuzz suite found it) and anything after the JSON value.
 */
@QuarkusTest
class AmbiguousJsonTest {

    @Test
    void aFieldGivenTwiceIsRefusedByName() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"Monday\", \"title\": \"Tuesday\"}")
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request"))
                .body("detail", containsString("Duplicate field 'title'"));
    }

    @Test
    void aSecondJsonValueAfterTheFirstIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"Monday\"} {\"title\": \"Tuesday\"}")
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("The body must hold one JSON value; more follows it"));
    }

    @Test
    void underTheInferenceProtocolTheRefusalIsTheProtocolsErrorObject() {
        given().contentType(ContentType.JSON)
                .body("{\"inputs\": [], \"inputs\": []}")
                .when()
                .post("/v2/models/iris/infer")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/json"))
                .body("error", containsString("Duplicate field 'inputs'"));
    }
}
