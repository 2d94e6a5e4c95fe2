package dev.servinglab.evaluation.threshold.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import org.junit.jupiter.api.Test;

/**
 * Checks the threshold lab as its lesson shows it before any script runs.
 */
@QuarkusTest
class ThresholdLabWidgetTest {

    @Test
    void theDataSetMenuNamesEachGoalsJobDataSetAndPositiveClass() {
        String page = given().when()
                .get("/lessons/05-precision-versus-recall")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        XmlPath html = new XmlPath(XmlPath.CompatibilityMode.HTML, page);
        String menu = "**.find { it.@id == 'threshold-dataset' }.option";
        assertThat(html.getList(menu + ".@value"), contains("breast-cancer", "spambase"));
        assertThat(
                html.getList(menu),
                contains(
                        "Disease screen (breast cancer, positive: malignant)",
                        "Spam filter (spambase, positive: spam)"));
    }
}
