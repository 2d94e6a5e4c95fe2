package dev.servinglab.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

/**
 * Fetches the OpenAPI document the app serves, as Swagger UI reads it, for the tests that check what it documents.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {}

    /** Returns {@code /q/openapi} as JSON. */
    public static JsonPath fetch() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
