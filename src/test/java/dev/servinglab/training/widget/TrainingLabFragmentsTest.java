package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.training.Trainings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingLabFragmentsTest {

    @Test
    void theResultOfARunIsAFragmentWithItsSentenceAndConfusionMatrix() {
        String id = Trainings.start("{\"epochs\":5,\"seed\":3}");
        Trainings.awaitEnd(id);

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
