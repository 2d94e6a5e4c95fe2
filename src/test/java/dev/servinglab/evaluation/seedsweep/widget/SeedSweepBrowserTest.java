package dev.servinglab.evaluation.seedsweep.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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
 * Runs the seed sweep of lesson 6 from its own controls, by keyboard, and reads its table against the JSON API.
 */
@QuarkusTest
class SeedSweepBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/06-good-and-bad-numbers-and-pitfalls";

    @Test
    void theButtonShowsEverySeedAndTheServedModelAsTheApiCountsThem() {
        for (String model : List.of("mlp", "logreg")) {
            // Twenty trainings at the lowest priority take a while on a busy machine: let the API wait for them
            // first, so that the page's own request finds the kept sweep.
            JsonPath api = api(model);
            Page page = browser.open(LESSON);
            if (model.equals("logreg")) {
                page.locator("#seed-sweep-model").focus();
                page.keyboard().press("ArrowDown");
            }
            page.locator("[data-sweep-start]").focus();
            page.keyboard().press("Enter");
            String start = (model.equals("mlp") ? "MLP" : "Logistic regression") + ", 20 seeds: test accuracy from ";
            page.waitForFunction(
                    "start => document.querySelector('[data-sweep-summary]').textContent.startsWith(start)", start);

            assertThat(rows(page), equalTo(expectedRows(api)));
            String summary = page.locator("[data-sweep-summary]").textContent();
            assertThat(summary, startsWith(start));
            assertThat(
                    summary.contains("The served model (seed " + api.getInt("served.seed") + ") scored "
                            + Numbers.percent(api.getDouble("served.test_accuracy"))),
                    equalTo(true));
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>)
                    page.evaluate("() => { const chart = Chart.getChart(document.querySelector('[data-sweep-chart]'));"
                            + " return { dots: chart.data.datasets[0].data.length,"
                            + " served: chart.data.datasets[1].data[0].y }; }");
            assertThat(((Number) drawn.get("dots")).intValue(), equalTo(20));
            assertThat(
                    ((Number) drawn.get("served")).doubleValue(),
                    closeTo(api.getDouble("served.test_accuracy") * 100, 1e-9));
            assertThat(browser.consoleErrors(page), empty());
            browser.assertNoSeriousAccessibilityViolations(page);
        }
    }

    @Test
    void onAPhoneTheSweepFitsTheScreen() {
        api("mlp");
        Page page = browser.open(LESSON, 360, 800);
        page.locator("[data-sweep-start]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-sweep-summary]').textContent.startsWith('MLP, ')");
        assertThat(browser.sidewaysScroll(page), equalTo(Optional.empty()));
        page.locator("[data-widget=seed-sweep]")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "seed-sweep-360.png")));
        assertThat(browser.consoleErrors(page), empty());
    }

    private static JsonPath api(String model) {
        return given().when()
                .get("/api/v1/seed-sweeps/" + model)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Reads the table as text, a list of cells per row. */
    private static List<List<String>> rows(Page page) {
        List<List<String>> rows = new ArrayList<>();
        for (Locator row : page.locator("[data-sweep-rows] tr").all()) {
            rows.add(row.locator("th, td").allTextContents().stream()
                    .map(text -> text.replaceAll("\\s+", " ").strip())
                    .toList());
        }
        return rows;
    }

    private static List<List<String>> expectedRows(JsonPath api) {
        double low = api.getDouble("interval.low");
        double high = api.getDouble("interval.high");
        List<List<String>> rows = new ArrayList<>();
        List<Map<String, Object>> runs = api.getList("runs");
        for (Map<String, Object> run : runs) {
            double accuracy = ((Number) run.get("test_accuracy")).doubleValue();
            rows.add(List.of(
                    String.valueOf(run.get("seed")),
                    run.get("correct") + " of " + run.get("test_size"),
                    Numbers.percent(accuracy),
                    accuracy >= low && accuracy <= high ? "yes" : "no"));
        }
        rows.add(List.of(
                "Served model (seed " + api.getInt("served.seed") + ")",
                api.getInt("served.correct") + " of " + api.getInt("served.test_size"),
                Numbers.percent(api.getDouble("served.test_accuracy")),
                api.getBoolean("served_inside") ? "yes" : "no"));
        return rows;
    }
}
