package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.training.Trainings;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
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
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .body("predicted_class", equalTo("virginica"));
    }

    @Test
    void swaggerUiAndTheOpenApiDocumentAreIncluded() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/predict"));
    }

    @Test
    void theStartPageLinksToTheApi() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("/q/swagger-ui/"));
    }

    @Test
    void trainsPromotesAndServesALearnersModelWithTheChartLibraryIncluded() {
        String id = Trainings.start("{\"epochs\":15,\"seed\":5}");
        String events = given().when()
                .get("/api/v1/trainings/" + id + "/events")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(events, containsString("event:summary"));
        Map<String, Object> example = given().when()
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("example");
        given().contentType(ContentType.JSON)
                .body(example)
                .when()
                .post("/api/v1/predict?model=run-" + id)
                .then()
                .statusCode(200)
                .body("model_version", equalTo(id));
        given().when()
                .get("/webjars/chart.js/dist/chart.umd.min.js")
                .then()
                .statusCode(200)
                .body(containsString("Chart"));
    }

    @Test
    void aRequestTargetThatIsNotAUriGetsProblemDetailsNamingTheRule() throws IOException {
        for (String target : new String[] {"/x/%zz", "/api/v1/%"}) {
            String answer = PackagedApp.rawGet(RestAssured.port, target);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            JsonPath problem = new JsonPath(answer.substring(answer.indexOf("\r\n\r\n") + 4));

            assertThat(answer, head, startsWith("http/1.1 400 bad request"));
            assertThat(answer, head, containsString("content-type: application/problem+json"));
            assertThat(answer, head, containsString("x-content-type-options: nosniff"));
            assertThat(answer, problem.getInt("status"), equalTo(400));
            assertThat(answer, problem.getString("instance"), equalTo(target));
            assertThat(answer, problem.getString("errors[0].field"), equalTo("request-target"));
            assertThat(answer, problem.getString("errors[0].rule"), equalTo("uri"));
            assertThat(
                    answer,
                    problem.getString("detail"),
                    containsString("a % must be followed by two hexadecimal digits"));
        }
        // The check refuses only what is not a URI: an encoded % is a path like any other.
        given().urlEncodingEnabled(false).when().get("/x/%25zz").then().statusCode(404);
    }

    @Test
    void isHealthy() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
