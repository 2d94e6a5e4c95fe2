package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}) as users and developers meet it.
 */
@QuarkusIntegrationTest
class PackagedAppIT {

    @Test
    void servesAPrediction() {
        given().contentType(ContentType.JSON)
                .body("{\"sepal_length\":6.7,\"sepal_width\":3.0,\"petal_length\":5.2,\"petal_width\":2.3}")
                .when().post("/api/v1/predict")
                .then().statusCode(200)
                .body("predicted_class", equalTo("virginica"));
    }

    @Test
    void swaggerUiAndTheOpenApiDocumentAreIncluded() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/predict"));
    }

    @Test
    void theStartPageLinksToTheApi() {
        given().when().get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("/q/swagger-ui/"));
    }

    @Test
    void isHealthy() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
