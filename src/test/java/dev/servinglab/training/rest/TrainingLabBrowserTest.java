package dev.servinglab.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
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
        type(page, "#train-pace", "150");
        page.locator("[data-start]").focus();
        page.keyboard().press("Enter");

        // While it runs: the chart, the table and the progress fill epoch by epoch.
        page.waitForFunction("() => document.querySelectorAll('" + EPOCH_ROWS + "').length >= 3");
        int seenWhileRunning = page.locator(EPOCH_ROWS).count();
        assertThat(seenWhileRunning, lessThan(20));
        assertThat(page.locator("[data-stop]").isEnabled(), equalTo(true));
        assertThat(page.locator("[data-progress-text]").textContent(), startsWith("Epoch "));
        assertThat(chartPoints(page, "loss"), greaterThanOrEqualTo(3));

        page.waitForFunction("() => document.querySelector('[data-training-status]').textContent"
                + ".includes('Training finished')");
        assertThat(page.locator(EPOCH_ROWS).count(), equalTo(20));
        assertThat(chartPoints(page, "loss"), equalTo(20));
        assertThat(chartPoints(page, "accuracy"), equalTo(20));
        assertThat(page.locator("[data-observations] tr").first().textContent(), containsString("Starting point"));
        assertThat(page.locator("[data-observations] tr").last().textContent(), containsString("Last epoch"));
        assertThat(page.locator("[data-result-text]").textContent(), containsString("test rows"));
        assertThat(page.locator("[data-matrix-body] tr").count(), equalTo(3));
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
        type(page, "#train-pace", "0");
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
        String id = given().contentType(ContentType.JSON)
                .body("{\"epochs\":30,\"seed\":9}")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
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
        assertThat(((Number) points).intValue(), greaterThanOrEqualTo(0));
        return ((Number) points).intValue();
    }

    private static void type(Page page, String selector, String value) {
        page.locator(selector).focus();
        page.keyboard().press("Control+A");
        page.keyboard().type(value);
    }
}
