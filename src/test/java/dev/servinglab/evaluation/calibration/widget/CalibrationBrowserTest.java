package dev.servinglab.evaluation.calibration.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.servinglab.testsupport.BrowserSupport;
import dev.servinglab.web.format.Numbers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the reliability diagram of lesson 5 by keyboard and reads its table and chart against the JSON API.
 */
@QuarkusTest
class CalibrationBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/05-precision-versus-recall";

    @Test
    void theDiagramOpensOnTheServedModelAndFollowsTheControls() {
        Page page = browser.open(LESSON);
        assertShows(page, api("mlp", 10));

        page.locator("#calibration-bins").focus();
        page.keyboard().press("ArrowUp"); // 10 → 5 bins
        awaitSummary(page, "mlp in 5 bins: ");
        assertShows(page, api("mlp", 5));

        page.locator("#calibration-model").focus();
        page.keyboard().press("ArrowDown"); // mlp → logreg
        awaitSummary(page, "logreg in 5 bins: ");
        assertShows(page, api("logreg", 5));

        assertThat(browser.consoleErrors(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void onAPhoneTheDiagramFitsTheScreen() {
        Page page = browser.open(LESSON, 360, 800);
        assertThat(browser.sidewaysScroll(page), equalTo(Optional.empty()));
        page.locator("[data-widget=calibration]")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "calibration-360.png")));
        assertThat(browser.consoleErrors(page), empty());
    }

    /** Checks the summary's counts, every row of the table, and the chart's dots against the API's answer. */
    private static void assertShows(Page page, JsonPath api) {
        String summary =
                page.locator("[data-calibration-summary]").textContent().replaceAll("\\s+", " ");
        assertThat(
                summary.startsWith(
                        api.getString("model") + " in " + api.getList("bins").size() + " bins: "
                                + api.getInt("predictions") + " predictions from " + api.getInt("rows")
                                + " flowers; expected calibration error "
                                + Numbers.dp3(api.getDouble("expected_calibration_error"))),
                equalTo(true));
        List<List<String>> expected = new ArrayList<>();
        int filled = 0;
        List<Map<String, Object>> bins = api.getList("bins");
        for (Map<String, Object> bin : bins) {
            Double mean = (Double) bin.get("mean_probability");
            Double observed = (Double) bin.get("observed_frequency");
            filled += mean == null ? 0 : 1;
            expected.add(List.of(
                    Numbers.dp2((Double) bin.get("from")) + " to " + Numbers.dp2((Double) bin.get("to")),
                    String.valueOf(bin.get("count")),
                    String.valueOf(bin.get("hits")),
                    Numbers.metric(mean),
                    Numbers.metric(observed)));
        }
        List<List<String>> shown = new ArrayList<>();
        for (Locator row : page.locator("[data-calibration-rows] tr").all()) {
            shown.add(row.locator("th, td").allTextContents().stream()
                    .map(String::strip)
                    .toList());
        }
        assertThat(shown, equalTo(expected));
        Number dots = (Number) page.evaluate("() => Chart.getChart(document.querySelector('[data-calibration-chart]'))"
                + ".data.datasets[0].data.length");
        assertThat(dots.intValue(), equalTo(filled));
    }

    private static JsonPath api(String model, int bins) {
        return given().queryParam("bins", bins)
                .when()
                .get("/api/v1/calibration/" + model)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static void awaitSummary(Page page, String start) {
        page.waitForFunction(
                "start => document.querySelector('[data-calibration-summary]').textContent.startsWith(start)", start);
    }
}
