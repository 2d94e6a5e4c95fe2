package dev.servinglab.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LessonPagesBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String TRACE_LESSON = "/lessons/01-what-happens-when-you-call-a-model-api";

    @Inject
    LessonRepository lessons;

    @Test
    void everyPageLoadsCleanlyOfflineAndPassesAxe() {
        List<String> paths = new ArrayList<>(List.of("/"));
        lessons.lessons().stream().map(Lesson::path).forEach(paths::add);
        for (String path : paths) {
            Page page = browser.open(path);
            assertThat(path + " console", browser.consoleErrors(page), empty());
            assertThat(path + " other origins", browser.foreignRequests(page), empty());
            browser.assertNoSeriousAccessibilityViolations(page);
        }
        // The dark colour scheme must keep its contrast too.
        for (String path : List.of("/", TRACE_LESSON, "/lessons/04-the-confusion-matrix")) {
            Page page = browser.open(path);
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
            browser.assertNoSeriousAccessibilityViolations(page);
        }
        // The 404 page: chromium logs the status itself as a console error, so only the rest is checked.
        Page missing = browser.open("/lessons/no-such-lesson");
        assertThat(browser.consoleErrors(missing), contains(containsString("404")));
        assertThat(browser.foreignRequests(missing), empty());
        browser.assertNoSeriousAccessibilityViolations(missing);
    }

    @Test
    void theTraceLabDrivenByKeyboardShowsWhatTheApiReturns() {
        Page page = browser.open(TRACE_LESSON);
        page.locator("#trace-petal_length").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("5.2");
        page.keyboard().press("Tab"); // to its slider
        page.keyboard().press("Tab"); // to petal width
        page.keyboard().press("Control+A");
        page.keyboard().type("2.3");
        page.locator("#trace-sepal_length").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("6.7");
        page.locator("#trace-sepal_width").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("3.0");
        page.keyboard().press("Tab");

        String body = "{\"sepal_length\":6.7,\"sepal_width\":3.0,\"petal_length\":5.2,\"petal_width\":2.3}";
        JsonPath api = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/predict/trace")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String expected = api.getString("prediction.predicted_class");
        Locator answer = page.locator("[data-trace-answer] strong");
        page.waitForFunction(
                "cls => document.querySelector('[data-trace-answer] strong').textContent === cls", expected);
        assertThat(answer.textContent(), equalTo(expected));
        waitForCard(page, 2, "[[6.7,3,5.2,2.3]]");
        String scaledShown =
                page.locator(".stage-card").nth(1).locator("dd code").nth(1).textContent();
        List<Float> scaled = JsonPath.from(scaledShown).getList("[0]", Float.class);
        List<Float> scaledByApi = api.getList("stages[1].output[0]", Float.class);
        for (int j = 0; j < 4; j++) {
            assertThat((double) scaled.get(j), closeTo(scaledByApi.get(j), 1e-4));
        }
        assertThat(page.locator("[data-trace-response]").textContent(), containsString(expected));
        assertThat(page.locator("[data-snippet=curl]").textContent(), containsString("\"petal_length\":5.2"));

        // A preset, by keyboard.
        page.locator("[data-preset]").first().focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-trace-answer] strong').textContent === 'setosa'");
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void aSharedTraceLinkReopensTheSameState() {
        Page page = browser.open(TRACE_LESSON);
        page.locator("[data-preset]").nth(1).focus();
        page.keyboard().press("Enter");
        page.locator("#trace-skip").focus();
        page.keyboard().press("Space");
        page.waitForFunction("() => document.querySelector('[data-share-link]').href.includes('skip_scaling=true')");
        String link = page.locator("[data-share-link]").getAttribute("href");
        assertThat(link, startsWith(TRACE_LESSON + "?"));

        Page shared = browser.open(link);
        assertThat(shared.locator("#trace-sepal_length").inputValue(), equalTo("5.9"));
        assertThat(shared.locator("#trace-petal_length").inputValue(), equalTo("4.2"));
        assertThat(shared.locator("#trace-skip").isChecked(), equalTo(true));
        shared.waitForSelector(".stage-card.skipped");
        assertThat(shared.locator(".stage-card").nth(1).textContent(), containsString("SKIPPED"));
    }

    @Test
    void theLatencyLabCompletesAndShowsPercentiles() {
        Page page = browser.open("/lessons/03-latency-and-throughput");
        page.locator("#latency-count").focus();
        page.keyboard().press("Home"); // 10 requests
        page.locator("[data-latency-form] button[type=submit]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-latency-status]').textContent.startsWith('Done')");
        for (String cell : List.of("p50", "p95", "p99")) {
            String text = page.locator("[data-latency=" + cell + "]").textContent();
            assertThat(cell, Double.parseDouble(text.replace(" ms", "")), greaterThan(0.0));
        }
        assertThat(page.locator("[data-latency=requests]").textContent(), equalTo("10 (0 errors)"));
        assertThat(page.locator("[data-latency-bins] tr").count(), equalTo(12));
        assertThat(page.locator("[data-latency-stages] tr").allTextContents(), hasSize(5));
        assertThat(page.locator("[data-latency-histogram] rect").count(), greaterThan(0));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void theApiConsoleShowsWhatAClientGetsBack() {
        Page page = browser.open("/lessons/02-the-predict-api-hands-on");
        page.locator("[data-console-preset=invalid]").focus();
        page.keyboard().press("Enter");
        page.locator("[data-console-form] button[type=submit]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-console-status]').textContent.startsWith('HTTP')");
        assertThat(page.locator("[data-console-status]").textContent(), startsWith("HTTP 422"));
        assertThat(page.locator("[data-console-status]").textContent(), containsString("application/problem+json"));
        assertThat(page.locator("[data-console-body]").textContent(), containsString("\"field\": \"sepal_length\""));
        page.locator("[data-console-preset=oip]").focus();
        page.keyboard().press("Enter");
        page.locator("[data-console-form] button[type=submit]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction(
                "() => document.querySelector('[data-console-status]').textContent.startsWith('HTTP 200')");
        assertThat(page.locator("[data-console-body]").textContent(), containsString("predicted_class"));
        // The deliberate 422 is reported by the browser itself; nothing else may be.
        assertThat(browser.consoleErrors(page), contains(containsString("status of 422")));
    }

    @Test
    void theThresholdSliderMovesByKeyboardAndRecallFalls() {
        Page page = browser.open("/lessons/05-precision-versus-recall");
        page.waitForSelector("[data-curve=roc] circle");
        double recallBefore =
                Double.parseDouble(page.locator("[data-metric-value=recall]").textContent());
        page.locator("#threshold-value").focus();
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("ArrowRight");
        }
        page.waitForFunction("() => document.querySelector('[data-threshold-output]').textContent === '0.90'");
        page.waitForFunction("() => document.querySelector('[data-threshold-summary]').textContent"
                + ".startsWith('Threshold 0.90')");
        double recallAfter =
                Double.parseDouble(page.locator("[data-metric-value=recall]").textContent());
        assertThat(recallAfter, lessThanOrEqualTo(recallBefore));
        JsonPath api = given().queryParam("threshold", "0.90")
                .get("/api/v1/thresholds/breast-cancer")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.locator("[data-cell=tp]").textContent(), equalTo(String.valueOf(api.getInt("counts.tp"))));
        assertThat(page.locator("[data-curve-rows] tr").count(), equalTo(101));

        page.locator("[data-check-goal]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-goal-verdict]').textContent.startsWith('At 0.90')");
        String verdict = given().queryParam("threshold", "0.90")
                .get("/api/v1/thresholds/breast-cancer/challenge")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("message");
        assertThat(page.locator("[data-goal-verdict]").textContent(), containsString(verdict));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void progressIsKeptInTheBrowserAndCanBeReset() {
        Page page = browser.open(TRACE_LESSON);
        page.locator("[data-complete-lesson]").focus();
        page.keyboard().press("Enter");
        page.waitForSelector(
                "[data-completed-note]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        page.navigate(page.url().replaceAll("/lessons/.*", "/"));
        Locator status = page.locator(".lesson-card").first().locator("[data-status]");
        assertThat(status.textContent(), equalTo("Completed"));
        assertThat(page.locator("[data-progress-summary]").textContent(), startsWith("1 of "));
        page.onDialog(dialog -> dialog.accept());
        page.locator("[data-reset-progress]").focus();
        page.keyboard().press("Enter");
        assertThat(status.textContent(), equalTo("Not started"));
        assertThat(
                page.locator(".lesson-card [data-status]").allTextContents().stream()
                        .distinct()
                        .toList(),
                contains("Not started"));
    }

    private static void waitForCard(Page page, int card, String input) {
        page.waitForFunction(
                "([i, text]) => { const c = document.querySelectorAll('.stage-card')[i];"
                        + " return c && c.textContent.includes(text); }",
                List.of(card - 1, input));
    }
}
