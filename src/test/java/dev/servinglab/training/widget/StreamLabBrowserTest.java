package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.servinglab.testsupport.BrowserSupport;
import dev.servinglab.training.TrainingConfig;
import dev.servinglab.training.Trainings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class StreamLabBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/09-frameworks-and-generative-models";

    @Inject
    TrainingConfig training;

    @Test
    void aLearnerStreamsARunByKeyboardAndReadsEveryEventInTheTables() {
        Page page = browser.open(LESSON);
        page.locator("#stream-pace").focus();
        page.keyboard().press("Home"); // no pause
        page.locator("#stream-epochs").focus();
        page.keyboard().press("Home"); // the shortest run
        int epochs = Integer.parseInt(page.locator("#stream-epochs").inputValue());
        page.locator("[data-stream-start]").focus();
        Response started = page.waitForResponse(
                response -> response.url().endsWith("/api/v1/trainings")
                        && response.request().method().equals("POST"),
                () -> page.keyboard().press("Enter"));
        String id = JsonPath.from(started.text()).getString("id");
        assertThat(JsonPath.from(started.text()).getInt("hyperparameters.pace_ms"), equalTo(0));
        awaitStatus(page, "Done");

        // Every epoch of the run arrived, in order, at the time the server's history says it ended.
        List<Double> serverTimes = Trainings.awaitEnd(id).getList("history.elapsed_ms", Double.class);
        assertThat(serverTimes, hasSize(epochs));
        List<String> epochCells = page.locator("[data-stream-events] tr th").allTextContents();
        List<String> arrived = column(page, "[data-stream-events] tr td:nth-child(2)");
        List<String> server = column(page, "[data-stream-events] tr td:nth-child(4)");
        assertThat(epochCells, hasSize(epochs));
        for (int i = 0; i < epochs; i++) {
            assertThat(epochCells.get(i), equalTo(String.valueOf(i + 1)));
            // Written with two decimals by the page: within half a hundredth of the server's figure.
            assertThat(Double.parseDouble(server.get(i)), closeTo(serverTimes.get(i), 0.0051));
            if (i > 0) {
                assertThat(
                        Double.parseDouble(arrived.get(i)),
                        greaterThanOrEqualTo(Double.parseDouble(arrived.get(i - 1))));
            }
        }
        assertThat(summary(page, "count"), equalTo(String.valueOf(epochs)));
        double first = Double.parseDouble(summary(page, "first").replace(" ms", ""));
        assertThat(first, closeTo(Double.parseDouble(arrived.getFirst()), 0.06));
        assertThat(summary(page, "rate"), matchesPattern("[0-9]+\\.[0-9] per second"));
        assertThat(summary(page, "total"), matchesPattern("[0-9]+\\.[0-9] ms"));

        // The arrivals chart draws the event table: one point per event, the count against the time.
        List<?> points = (List<?>) page.evaluate("() => Chart.getChart(document.querySelector("
                + "'[data-stream-chart=arrivals]')).data.datasets[0].data.map(p => [p.x.toFixed(2), p.y])");
        assertThat(points, hasSize(epochs));
        for (int i = 0; i < epochs; i++) {
            assertThat(points.get(i), equalTo(List.of(arrived.get(i), i + 1)));
        }
        // The gap chart draws the gap table, and the gaps are the epochs - 1 between the events.
        List<Integer> gapCounts = new ArrayList<>();
        for (String count : column(page, "[data-stream-gaps] tr td:nth-child(3)")) {
            gapCounts.add(Integer.parseInt(count));
        }
        assertThat(gapCounts.stream().mapToInt(Integer::intValue).sum(), equalTo(epochs - 1));
        assertThat(
                page.evaluate("() => Chart.getChart(document.querySelector('[data-stream-chart=gaps]'))"
                        + ".data.datasets[0].data"),
                equalTo(gapCounts));
        assertThat(page.locator("[data-stream-start]").isDisabled(), equalTo(false));
        assertThat(browser.consoleErrors(page), empty());
        assertThat(browser.foreignRequests(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
        page.locator("[data-widget=stream-lab]")
                .screenshot(
                        new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "stream-lab.png")));

        // On a phone the results fit the width: the tables scroll inside their own regions.
        page.setViewportSize(360, 800);
        try {
            // Charts follow their box's width on the next frames.
            page.waitForFunction(
                    "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
        } catch (TimeoutError e) {
            // what is too wide is said below
        }
        assertThat(browser.sidewaysScroll(page), equalTo(Optional.empty()));
    }

    @Test
    void stopCancelsTheRunAndTheFiguresCoverWhatArrived() {
        Page page = browser.open(LESSON);
        page.locator("#stream-pace").focus();
        page.keyboard().press("End"); // the longest pause
        page.locator("#stream-epochs").focus();
        page.keyboard().press("End"); // the longest run
        int epochs = Integer.parseInt(page.locator("#stream-epochs").inputValue());
        page.locator("[data-stream-start]").focus();
        Response started = page.waitForResponse(
                response -> response.url().endsWith("/api/v1/trainings")
                        && response.request().method().equals("POST"),
                () -> page.keyboard().press("Enter"));
        String id = JsonPath.from(started.text()).getString("id");
        awaitStatus(page, "First event");
        page.locator("[data-stream-stop]").focus();
        page.keyboard().press("Enter");
        awaitStatus(page, "Done");

        JsonPath run = Trainings.awaitEnd(id);
        assertThat(run.getString("status"), equalTo("cancelled"));
        int trained = run.getList("history").size();
        assertThat(trained < epochs, equalTo(true));
        assertThat(page.locator("[data-stream-status]").textContent(), containsString("cancelled"));
        assertThat(summary(page, "count"), equalTo(String.valueOf(trained)));
        assertThat(page.locator("[data-stream-events] tr").count(), equalTo(trained));
        assertThat(page.locator("[data-stream-stop]").isDisabled(), equalTo(true));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void aFullServerAnswers429AndTheLabSaysWhenToRetry() {
        int slots = training.concurrency();
        List<String> busy = new ArrayList<>();
        try {
            for (int i = 0; i < slots; i++) {
                // As long and as slow as the limits allow: they hold their slots until the test lets them go.
                busy.add(Trainings.start(
                        "{\"epochs\":" + training.maxEpochs() + ",\"pace_ms\":" + training.maxPaceMs() + "}"));
            }
            Page page = browser.open(LESSON);
            page.locator("[data-stream-start]").focus();
            page.keyboard().press("Enter");
            awaitStatus(page, "429");
            String status = page.locator("[data-stream-status]").textContent();
            assertThat(status, containsString("retry after"));
            assertThat(status, matchesPattern(".*retry after [0-9]+ s.*"));
            assertThat(page.locator("[data-stream-results]").isHidden(), equalTo(true));
            assertThat(page.locator("[data-stream-start]").isDisabled(), equalTo(false));
            // The refused start is reported by the browser itself; nothing else may be.
            assertThat(browser.consoleErrors(page), hasSize(1));
            assertThat(browser.consoleErrors(page).getFirst(), containsString("429"));
            browser.assertNoSeriousAccessibilityViolations(page);
        } finally {
            busy.forEach(id -> given().when().delete("/api/v1/trainings/" + id));
            busy.forEach(Trainings::awaitEnd);
        }
    }

    /**
     * Waits for the lab's status to start with the given words (a regular expression, run by the browser); a timeout
     * says what the status read instead.
     */
    private static void awaitStatus(Page page, String start) {
        PlaywrightAssertions.assertThat(page.locator("[data-stream-status]"))
                .hasText(Pattern.compile("^" + start), new LocatorAssertions.HasTextOptions().setTimeout(30_000));
    }

    private static String summary(Page page, String name) {
        return page.locator("[data-stream=\"" + name + "\"]").textContent();
    }

    private static List<String> column(Page page, String selector) {
        return page.locator(selector).allTextContents();
    }
}
