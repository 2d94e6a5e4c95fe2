package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingLabFragmentsTest {

    @Test
    void theResultOfARunIsAFragmentWithItsSentenceAndConfusionMatrix() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"epochs\":5,\"seed\":3}")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(() ->
                        !"running".equals(given().get("/api/v1/trainings/" + id).path("status")));

        String html = given().accept(ContentType.HTML)
                .when()
                .get("/widgets/training-lab/runs/" + id + "/result")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(
                html,
                containsString("<p data-result-text>Run " + id + " completed after 5 epochs (completed all 5 epochs). "
                        + "On the 30 test rows the kept model (epoch 5) is "));
        // The shared confusion-matrix tag: a row per actual species, a column per predicted one.
        assertThat(html.split("<th scope=\"row\">Actual ", -1).length - 1, equalTo(3));
        assertThat(html, containsString("<th scope=\"col\">Predicted virginica</th>"));
    }

    @Test
    void anUnknownRunHasNoResult() {
        given().when()
                .get("/widgets/training-lab/runs/nope/result")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("No training run has the id 'nope'"));
    }
}
