package dev.servinglab.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.servinglab.testsupport.BrowserSupport;
import dev.servinglab.training.Trainings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class TrainingLabBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/07-watching-a-model-train";
    private static final String EPOCH_ROWS = "[data-epochs] tr";

    @Test
    void aLearnerTrainsWatchesTheCurvesFillPromotesAndPredictsByKeyboard() {
        Page page = browser.open(LESSON);
        type(page, "#train-epochs", "20");
        type(page, "#train-pace-ms", "100");
        // Records what the page shows each time a row is added, so that the test reads the order of events
        // rather than how long they took.
        page.evaluate("() => { window.rowsSeen = []; new MutationObserver(() => window.rowsSeen.push({"
                + " rows: document.querySelectorAll('" + EPOCH_ROWS + "').length,"
                + " stopEnabled: !document.querySelector('[data-stop]').disabled,"
                + " progress: document.querySelector('[data-progress-text]').textContent,"
                + " points: Chart.getChart(document.querySelector('[data-chart=loss]')).data.datasets[1].data.length"
                + " })).observe(document.querySelector('[data-epochs]'), { childList: true }); }");
        page.locator("[data-start]").focus();
        page.keyboard().press("Enter");

        page.waitForFunction("() => document.querySelector('[data-training-status]').textContent"
                + ".includes('Training finished')");
        // While it ran: the table, the chart and the progress filled epoch by epoch, the run still going at each.
        List<Map<String, Object>> rowsSeen = rowsSeen(page);
        assertThat(rowsSeen, hasSize(20));
        for (int i = 0; i < rowsSeen.size(); i++) {
            Map<String, Object> seen = rowsSeen.get(i);
            assertThat(((Number) seen.get("rows")).intValue(), equalTo(i + 1));
            assertThat(((Number) seen.get("points")).intValue(), equalTo(i + 1));
            assertThat(seen.get("stopEnabled"), equalTo(true));
            assertThat((String) seen.get("progress"), startsWith("Epoch " + (i + 1) + " of 20"));
        }
        assertThat(page.locator(EPOCH_ROWS).count(), equalTo(20));
        assertThat(chartPoints(page, "loss"), equalTo(20));
        assertThat(chartPoints(page, "accuracy"), equalTo(20));
        assertThat(page.locator("[data-observations] tr").first().textContent(), containsString("Starting point"));
        assertThat(page.locator("[data-observations] tr").last().textContent(), containsString("Last epoch"));
        assertThat(page.locator("[data-result-text]").textContent(), containsString("test rows"));
        assertThat(page.locator("[data-result] table.confusion-matrix tbody tr").count(), equalTo(3));
        assertThat(
                page.locator("[data-result] table.confusion-matrix caption").textContent(),
                containsString("Confusion matrix on the test split"));
        assertThat(page.url(), containsString("epochs=20"));
        assertThat(page.url(), containsString("run="));
        assertThat(browser.consoleErrors(page), empty());
        assertThat(browser.foreignRequests(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
        page.locator("[data-widget=training-lab]")
                .screenshot(
                        new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "training-lab.png")));

        // Serve it and ask it for a prediction.
        page.locator("[data-promote-button]").focus();
        page.keyboard().press("Enter");
        page.waitForSelector("[data-promotion]:not([hidden])");
        String model = page.locator("[data-model-name]").textContent();
        assertThat(model, startsWith("run-"));
        assertThat(
                page.locator("[data-promotion-curl]").textContent(), containsString("/api/v1/predict?model=" + model));
        page.locator("[data-predict-button]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-predict-result]').textContent.includes('answers')");
        assertThat(page.locator("[data-predict-result]").textContent(), startsWith(model + " answers"));

        // The address holds the settings and the run: opened again, it shows the same run.
        Page again = browser.open(page.url().substring(page.url().indexOf("/lessons/")));
        again.waitForFunction("() => document.querySelectorAll('" + EPOCH_ROWS + "').length === 20");
        assertThat(again.locator("#train-epochs").inputValue(), equalTo("20"));
        assertThat(
                again.locator("[data-result-text]").textContent(),
                equalTo(page.locator("[data-result-text]").textContent()));
        again.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        browser.assertNoSeriousAccessibilityViolations(again);
        again.locator(".training-charts")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "training-lab-dark.png")));
    }

    @Test
    void theOverfittingPresetShowsOverfittingInTheObservations() {
        Page page = browser.open(LESSON);
        page.locator("[data-preset=overfitting]").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#train-hidden-units").inputValue(), equalTo("256"));
        assertThat(page.locator("#train-max-train-rows").inputValue(), equalTo("12"));
        assertThat(page.url(), containsString("max_train_rows=12"));
        assertThat(page.locator("#train-pace-ms").inputValue(), equalTo("60")); // a preset leaves the pace alone
        type(page, "#train-pace-ms", "0");
        page.locator("[data-start]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-training-status]').textContent"
                + ".includes('Training finished')");
        assertThat(page.locator("[data-observations]").textContent(), containsString("Overfitting from epoch"));
        assertThat(page.locator("[data-result-text]").textContent(), containsString("The curves show overfitting"));
        assertThat(chartPoints(page, "loss"), equalTo(200));
        assertThat(page.locator(EPOCH_ROWS).count(), equalTo(200));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void aPromotedRunAnswersInSwaggerUi() {
        String id = Trainings.start("{\"epochs\":30,\"seed\":9}");
        given().when().get("/api/v1/trainings/" + id + "/events").then().statusCode(200);
        String model = given().contentType(ContentType.JSON)
                .body("{\"name\":\"swagger-" + id + "\"}")
                .when()
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(201)
                .extract()
                .path("model");

        Page page = browser.open("/q/swagger-ui/");
        page.locator("#operations-Predict-post_api_v1_predict .opblock-summary")
                .first()
                .click();
        // Try it out is on from the start (quarkus.swagger-ui.try-it-out-enabled): the fields are editable.
        page.locator("#operations-Predict-post_api_v1_predict input[placeholder=model]")
                .fill(model);
        page.locator("#operations-Predict-post_api_v1_predict .execute").click();
        String answer = page.locator("#operations-Predict-post_api_v1_predict .live-responses-table .microlight")
                .first()
                .textContent();
        assertThat(answer, containsString("\"model\": \"" + model + "\""));
        assertThat(answer, containsString("\"model_version\": \"" + id + "\""));
    }

    @Test
    void aBadHyperparameterIsNamedAndFocused() {
        Page page = browser.open(LESSON);
        type(page, "#train-hidden-units", "0");
        page.locator("[data-start]").focus();
        page.keyboard().press("Enter");
        page.waitForSelector("[data-training-errors]:not([hidden])");
        assertThat(
                page.locator("[data-training-errors]").textContent(),
                containsString("Hidden units (hidden_units) must be at least 1"));
        assertThat(page.locator("#train-hidden-units").getAttribute("aria-invalid"), equalTo("true"));
        assertThat(page.evaluate("() => document.activeElement.id"), equalTo("train-hidden-units"));
        assertThat(page.locator("[data-start]").isEnabled(), equalTo(true));
        browser.assertNoSeriousAccessibilityViolations(page);
    }

    private static int chartPoints(Page page, String chart) {
        Object points = page.evaluate(
                "name => Chart.getChart(document.querySelector('[data-chart=' + name + ']'))"
                        + ".data.datasets[1].data.length",
                chart);
        return ((Number) points).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowsSeen(Page page) {
        return (List<Map<String, Object>>) page.evaluate("() => window.rowsSeen");
    }

    private static void type(Page page, String selector, String value) {
        page.locator(selector).focus();
        page.keyboard().press("Control+A");
        page.keyboard().type(value);
    }
}
