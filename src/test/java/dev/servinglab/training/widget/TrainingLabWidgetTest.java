package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingLabWidgetTest {

    @Test
    void theDataSetMenuDescribesEachDataSetAsTheCatalogueDoes() {
        String page = given().when()
                .get("/lessons/07-watching-a-model-train")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(
                page,
                containsString("<option value=\"iris\" selected>Iris flowers (Fisher, 1936): 3 classes, 4 features"
                        + "</option>"));
        // Its feature count is read from the file: the catalogue does not list breast cancer's 30 columns.
        assertThat(
                page,
                containsString("<option value=\"breast-cancer\">Breast Cancer Wisconsin (Diagnostic): 2 classes, "
                        + "30 features</option>"));
        assertThat(page, containsString("<option value=\"relu\">ReLU</option>"));
    }
}
