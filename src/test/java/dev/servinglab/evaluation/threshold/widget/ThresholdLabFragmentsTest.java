package dev.servinglab.evaluation.threshold.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.servinglab.web.format.Numbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the part of the threshold lab its script fetches at every threshold: what a learner reads there must be
 * what the JSON API says about the same threshold.
 */
@QuarkusTest
class ThresholdLabFragmentsTest {

    private static final String RESULT = "/widgets/threshold-lab/result";

    @Test
    void theResultShowsTheApisCountsAndMetricsAtTheThreshold() {
        JsonPath api = api("spambase", "0.9");
        XmlPath html = result("spambase", "0.9");

        assertThat(
                html.getString(having("data-threshold-summary")).strip(),
                equalTo("Threshold 0.90 on " + api.getInt("test_size") + " held-out rows: precision "
                        + metric(api, "metrics.precision") + ", recall " + metric(api, "metrics.recall") + "."));
        assertThat(
                html.getList("**.find { it.@class == 'confusion-matrix' }.tbody.tr.th"),
                contains("Actual spam", "Actual not spam"));
        assertThat(
                html.getList("**.find { it.@class == 'confusion-matrix' }.tbody.tr.td"),
                contains(count(api, "tp"), count(api, "fn"), count(api, "fp"), count(api, "tn")));
        assertThat(html.getList(valuesOf("data-metric-value")), contains("accuracy", "precision", "recall", "f1"));
        assertThat(
                html.getList(allHaving("data-metric-value")),
                contains(
                        metric(api, "metrics.accuracy"),
                        metric(api, "metrics.precision"),
                        metric(api, "metrics.recall"),
                        metric(api, "metrics.f1")));
    }

    @Test
    void theCurveTableHoldsEveryPointOfTheApiAndMarksTheCurrentOne() {
        JsonPath api = api("breast-cancer", "0.3");
        XmlPath html = result("breast-cancer", "0.3");

        List<String> thresholds = html.getList(valuesOf("data-threshold"));
        assertThat(thresholds, hasSize(api.getList("precision_recall").size()));
        assertThat(
                html.getList(allHaving("aria-current") + ".collect { it.@'data-threshold'.text() }"), contains("0.3"));
        assertThat(
                html.getString(having("aria-current") + ".@'data-precision'"),
                equalTo(api.getString("precision_recall[30].y")));
        assertThat(html.getString(having("aria-current") + ".@'data-fpr'"), equalTo(api.getString("roc[30].x")));
    }

    @Test
    void aBadThresholdOrDataSetGetsProblemDetailsNamingTheField() {
        // Above 1 breaks the maximum, below 0 the minimum, and a word both at once: it is not a number at all.
        for (List<String> thresholdAndRule :
                List.of(List.of("1.5", "maximum"), List.of("-0.1", "minimum"), List.of("half", "type"))) {
            given().queryParam("dataset", "spambase")
                    .queryParam("threshold", thresholdAndRule.get(0))
                    .get(RESULT)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("threshold"))
                    .body("errors.rule", contains(thresholdAndRule.get(1)))
                    .body("detail", equalTo("threshold must be a number from 0 to 1"));
        }
        given().queryParam("threshold", "0.5")
                .get(RESULT)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("dataset"))
                .body("errors.rule", contains("required"));
        given().queryParam("dataset", "iris")
                .queryParam("threshold", "0.5")
                .get(RESULT)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no data set 'iris'; the threshold lab has breast-cancer, spambase"));
    }

    private static XmlPath result(String dataset, String threshold) {
        String body = given().queryParam("dataset", dataset)
                .queryParam("threshold", threshold)
                .get(RESULT)
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        return new XmlPath(XmlPath.CompatibilityMode.HTML, body);
    }

    /** Finds the first element that has an attribute, as a GPath of the fragment. */
    private static String having(String attribute) {
        return "**.find { it.attributes().containsKey('" + attribute + "') }";
    }

    /** Finds every element that has an attribute, as a GPath of the fragment. */
    private static String allHaving(String attribute) {
        return "**.findAll { it.attributes().containsKey('" + attribute + "') }";
    }

    /** Lists the values of an attribute, element by element, as a GPath of the fragment. */
    private static String valuesOf(String attribute) {
        return allHaving(attribute) + ".collect { it.@'" + attribute + "'.text() }";
    }

    /** Asks the JSON API about a threshold, reading its numbers as the doubles the server sent. */
    static JsonPath api(String dataset, String threshold) {
        return given().queryParam("threshold", threshold)
                .get("/api/v1/thresholds/" + dataset)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Writes a metric of the API's answer as the pages do. */
    static String metric(JsonPath api, String path) {
        return Numbers.metric(api.get(path));
    }

    static String count(JsonPath api, String cell) {
        return String.valueOf(api.getInt("counts." + cell));
    }
}
