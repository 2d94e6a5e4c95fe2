package dev.servinglab.evaluation.threshold.widget;

import static dev.servinglab.evaluation.threshold.widget.ThresholdLabFragmentsTest.api;
import static dev.servinglab.evaluation.threshold.widget.ThresholdLabFragmentsTest.count;
import static dev.servinglab.evaluation.threshold.widget.ThresholdLabFragmentsTest.metric;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.servinglab.evaluation.threshold.service.ThresholdLab;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the threshold lab of lesson 5 by keyboard, as a learner would, and checks every number it shows against
 * the JSON API at the slider's threshold.
 */
@QuarkusTest
class ThresholdLabBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/05-precision-versus-recall";

    @Inject
    ThresholdLab lab;

    @Test
    void theSliderMovedByKeyboardShowsWhatTheApiCountsAtItsThreshold() {
        Page page = browser.open(LESSON);
        assertShows(page, api("breast-cancer", "0.5"), "0.50");

        page.locator("#threshold-value").focus();
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(page.locator("[data-threshold-output]").textContent(), equalTo("0.90"));
        awaitSummary(page, "Threshold 0.90 on ");
        assertShows(page, api("breast-cancer", "0.9"), "0.90");

        page.locator("[data-check-goal]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-goal-verdict]').textContent !== ''");
        assertThat(
                page.locator("[data-goal-verdict]").textContent(),
                equalTo("At 0.90: " + challenge("breast-cancer", "0.9")));

        assertThat(browser.consoleErrors(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void everyGoalIsMetWithTheSliderAlone() {
        for (String dataset : ThresholdLab.DATASETS) {
            // The passing step nearest the opening 0.5: the fewest key presses a learner needs.
            int target = lab.passing(dataset).stream()
                    .map(t -> (int) Math.round(t * 100))
                    .min(Comparator.comparingInt(step -> Math.abs(step - 50)))
                    .orElseThrow(() -> new AssertionError("no slider step meets the goal of " + dataset));
            Page page = browser.open(LESSON);
            page.locator("#threshold-dataset").selectOption(dataset);
            awaitSummary(page, "Threshold 0.50 on " + api(dataset, "0.5").getInt("test_size") + " ");
            page.locator("#threshold-value").focus();
            String key = target < 50 ? "ArrowLeft" : "ArrowRight";
            for (int i = 0; i < Math.abs(target - 50); i++) {
                page.keyboard().press(key);
            }
            String shown = String.format(Locale.ROOT, "%.2f", target / 100.0);
            awaitSummary(page, "Threshold " + shown + " on ");
            page.locator("[data-check-goal]").focus();
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.querySelector('[data-goal-verdict]').textContent !== ''");
            assertThat(
                    dataset,
                    page.locator("[data-goal-verdict]").textContent(),
                    equalTo("At " + shown + ": Goal met: this threshold fits the job."));
            page.locator("[data-widget=threshold-lab]")
                    .screenshot(new Locator.ScreenshotOptions()
                            .setPath(Path.of("target", "screenshots", "threshold-goal-" + dataset + ".png")));
            assertThat(browser.consoleErrors(page), empty());
        }
    }

    @Test
    void anotherDataSetChosenByKeyboardShowsItsOwnGoalAndNumbers() {
        Page page = browser.open(LESSON);
        page.locator("#threshold-dataset").focus();
        page.keyboard().press("ArrowDown");
        JsonPath spam = api("spambase", "0.5");
        awaitSummary(page, "Threshold 0.50 on " + spam.getInt("test_size") + " ");
        assertShows(page, spam, "0.50");
        assertThat(page.locator("[data-goal]:not([hidden])").getAttribute("data-goal"), equalTo("spambase"));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void aRejectedRequestSaysWhyInsteadOfBreakingTheLab() {
        Page page = browser.open(LESSON);
        // The server itself rejects the threshold: the request the page sends is turned into one it must refuse.
        page.route(
                "**/widgets/threshold-lab/result?**",
                route -> route.resume(new Route.ResumeOptions()
                        .setUrl(route.request().url().replaceAll("threshold=[^&]*", "threshold=7"))));
        page.locator("#threshold-value").focus();
        page.keyboard().press("ArrowRight");
        awaitSummary(page, "422: ");
        assertThat(
                page.locator("[data-threshold-summary]").textContent(),
                equalTo("422: threshold must be a number from 0 to 1"));
        // Chromium logs the refused request itself; nothing else may reach the console.
        assertThat(browser.consoleErrors(page), contains(containsString("status of 422")));
    }

    /** Checks the summary, matrix, metrics, data table and both charts against the API's answer. */
    private static void assertShows(Page page, JsonPath api, String threshold) {
        assertThat(
                page.locator("[data-threshold-summary]").textContent(),
                equalTo("Threshold " + threshold + " on " + api.getInt("test_size") + " held-out rows: precision "
                        + metric(api, "metrics.precision") + ", recall " + metric(api, "metrics.recall") + "."));
        Locator matrix = page.locator("[data-threshold-result] .confusion-matrix tbody td");
        assertThat(
                matrix.allTextContents(),
                contains(count(api, "tp"), count(api, "fn"), count(api, "fp"), count(api, "tn")));
        assertThat(
                page.locator("[data-metric-value]").allTextContents(),
                contains(
                        metric(api, "metrics.accuracy"),
                        metric(api, "metrics.precision"),
                        metric(api, "metrics.recall"),
                        metric(api, "metrics.f1")));
        int points = api.getList("precision_recall").size();
        assertThat(page.locator("[data-curve-rows] tr").count(), equalTo(points));

        int current = (int) Math.round(Double.parseDouble(threshold) * 100);
        for (String curve : List.of("precision_recall", "roc")) {
            String point = curve + "[" + current + "]";
            assertThat(
                    curve,
                    drawn(page, curve.replace('_', '-')),
                    equalTo(new Drawn(defined(api, curve), api.get(point + ".x"), api.get(point + ".y"))));
        }
    }

    /** What Chart.js draws on a curve's canvas: how many points the line has, and where the dot is. */
    private record Drawn(int points, double dotX, double dotY) {}

    private static Drawn drawn(Page page, String canvas) {
        @SuppressWarnings("unchecked")
        Map<String, Object> chart = (Map<String, Object>) page.evaluate(
                "name => { const chart = Chart.getChart(document.querySelector(`[data-curve=\"${name}\"]`));"
                        + " const dot = chart.data.datasets[1].data[0];"
                        + " return { points: chart.data.datasets[0].data.length, x: dot.x, y: dot.y }; }",
                canvas);
        return new Drawn(
                ((Number) chart.get("points")).intValue(),
                ((Number) chart.get("x")).doubleValue(),
                ((Number) chart.get("y")).doubleValue());
    }

    /** Counts the points of a curve where both rates are defined: those a chart can draw. */
    private static int defined(JsonPath api, String curve) {
        List<Map<String, Object>> points = api.getList(curve);
        return (int) points.stream()
                .filter(p -> p.get("x") != null && p.get("y") != null)
                .count();
    }

    private static void awaitSummary(Page page, String start) {
        page.waitForFunction(
                "start => document.querySelector('[data-threshold-summary]').textContent.startsWith(start)", start);
    }

    private static String challenge(String dataset, String threshold) {
        return given().queryParam("threshold", threshold)
                .get("/api/v1/thresholds/" + dataset + "/challenge")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("message");
    }
}
