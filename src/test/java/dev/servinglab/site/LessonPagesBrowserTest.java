package dev.servinglab.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
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
}
