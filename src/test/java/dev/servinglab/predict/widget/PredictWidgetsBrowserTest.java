package dev.servinglab.predict.widget;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.ColorScheme;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.predict.Flowers;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the predict feature's lesson widgets in chromium, by keyboard, and checks that they show what the API
 * answers: the trace lab, the latency lab and the API console.
 */
@QuarkusTest
class PredictWidgetsBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String TRACE_LESSON = "/lessons/01-what-happens-when-you-call-a-model-api";
    private static final String CONSOLE_LESSON = "/lessons/02-the-predict-api-hands-on";
    private static final String LATENCY_LESSON = "/lessons/03-latency-and-throughput";

    @Test
    void theTraceLabDrivenByKeyboardShowsTheStagesTheApiTraces() {
        Page page = browser.open(TRACE_LESSON);
        IrisExamples.Flower virginica = IrisExamples.flowers().getLast();
        virginica.measurements().forEach((feature, value) -> type(page, "#trace-" + feature, String.valueOf(value)));
        page.keyboard().press("Tab");

        JsonPath api = ApiTraces.trace(Flowers.virginica(), "");
        String expected = api.getString("prediction.predicted_class");
        page.waitForFunction(
                "cls => document.querySelector('[data-trace-answer] strong').textContent === cls", expected);
        waitForValue(page, "scale", "In", "[[" + Flowers.csv(Flowers.virginicaRow()) + "]]");
        assertThat(value(page, "parse", "Out"), equalTo("[[" + Flowers.csv(Flowers.virginicaRow()) + "]]"));
        assertThat(
                value(page, "scale", "Out"),
                equalTo("[" + ApiTraces.rounded(api.getList("stages[1].output[0]", Double.class)) + "]"));
        assertThat(
                value(page, "scale", "Mean"),
                equalTo(ApiTraces.rounded(api.getList("stages[1].parameters.mean", Double.class))));
        assertThat(
                value(page, "scale", "Std"),
                equalTo(ApiTraces.rounded(api.getList("stages[1].parameters.std", Double.class))));
        assertThat(
                value(page, "predict", "In"),
                equalTo("[" + ApiTraces.rounded(api.getList("stages[2].input[0]", Double.class)) + "]"));
        assertThat(
                value(page, "predict", "Out"),
                equalTo("[" + ApiTraces.rounded(api.getList("stages[2].output[0]", Double.class)) + "]"));
        assertThat(
                page.locator(".stage-card h4").allTextContents(),
                contains("1. parse", "2. scale", "3. predict", "4. respond"));
        assertThat(page.locator("[data-trace-response]").textContent(), containsString("\"" + expected + "\""));
        String petalLength = "\"petal_length\":" + IrisExamples.VIRGINICA_PETAL_LENGTH;
        assertThat(page.locator("[data-snippet=curl]").textContent(), containsString(petalLength));

        // The snippet tabs, by keyboard: the arrow keys move the selection, and it survives the next result.
        page.locator("#snippet-tab-curl").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("#snippet-tab-python").getAttribute("aria-selected"), equalTo("true"));
        assertThat(page.locator("#snippet-python").isVisible(), equalTo(true));
        assertThat(page.locator("#snippet-curl").isVisible(), equalTo(false));
        assertThat(page.locator("#snippet-python").textContent(), containsString("requests.post("));

        // A preset, by keyboard.
        page.locator("[data-preset]").first().focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-trace-answer] strong').textContent === 'setosa'");
        waitForValue(page, "parse", "Out", "[[" + Flowers.csv(Flowers.setosaRow()) + "]]");
        assertThat(page.locator("#snippet-python").isVisible(), equalTo(true));
        assertThat(page.locator("#snippet-tab-python").getAttribute("aria-selected"), equalTo("true"));
        assertThat(browser.consoleErrors(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
        assertFitsAPhone(page, "trace-lab");
    }

    @Test
    void theTraceLabOpensOnTheExampleTraceWithoutAskingAndItsSnippetsCallThisServer() {
        Page page = browser.open(TRACE_LESSON);
        // The server rendered the example flower's trace with the page: the script asked for nothing.
        assertThat(
                page.evaluate("() => performance.getEntriesByType('resource').map(entry => entry.name)"
                        + ".filter(name => name.includes('/widgets/trace-lab/'))"),
                equalTo(List.of()));
        String expected = ApiTraces.trace(Flowers.setosa(), "").getString("prediction.predicted_class");
        assertThat(page.locator("[data-trace-answer] strong").textContent(), equalTo(expected));
        assertThat(value(page, "parse", "Out"), equalTo("[[" + Flowers.csv(Flowers.setosaRow()) + "]]"));

        // The snippets call the server the page came from, whatever address the server knew of.
        String predict = page.evaluate("() => location.origin") + "/api/v1/predict";
        for (String snippet : page.locator("[data-snippet]").allTextContents()) {
            assertThat(snippet, containsString(predict));
        }
        assertThat(page.url(), not(containsString("?")));
        assertThat(page.locator("[data-share-link]").getAttribute("href"), startsWith(TRACE_LESSON + "?"));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void anInvalidValueInTheTraceLabShowsTheProblemAndMarksItsField() {
        Page page = browser.open(TRACE_LESSON);
        type(page, "#trace-petal_width", "0");
        page.keyboard().press("Tab");
        Locator error = page.locator("[data-trace-error]");
        error.waitFor();
        assertThat(error.textContent(), startsWith("422: petal_width must be greater than 0"));
        assertThat(page.locator("#trace-petal_width").getAttribute("aria-invalid"), equalTo("true"));
        assertThat(page.locator("#trace-petal_length").getAttribute("aria-invalid"), equalTo(null));
        assertThat(page.locator("[data-trace-response]").textContent(), containsString("\"field\": \"petal_width\""));
        browser.assertNoSeriousAccessibilityViolations(page);

        type(page, "#trace-petal_width", IrisExamples.SETOSA_PETAL_WIDTH);
        page.keyboard().press("Tab");
        page.waitForFunction("() => document.querySelector('[data-trace-error]').hidden");
        assertThat(page.locator("#trace-petal_width").getAttribute("aria-invalid"), equalTo(null));
        // The refused request is reported by the browser itself; nothing else may be.
        assertThat(browser.consoleErrors(page), contains(containsString("status of 422")));
    }

    @Test
    void skippingScalingChangesTheAnswerYetTheModelLooksSure() {
        // Lesson 1, step 4: the example flower without its scaler gets another answer, with a high probability.
        Page page = browser.open(TRACE_LESSON);
        String honest = page.locator("[data-trace-answer] strong").textContent();
        page.locator("#trace-skip").focus();
        page.keyboard().press("Space");
        page.waitForSelector(".stage-card.skipped");
        page.waitForSelector("[data-trace-answer].mismatch");
        String skipped = page.locator("[data-trace-answer] strong").textContent();
        assertThat(skipped, not(equalTo(honest)));
        Matcher probability = Pattern.compile("\\(probability ([0-9.]+)\\)")
                .matcher(page.locator("[data-trace-answer]").textContent());
        assertThat(probability.find(), equalTo(true));
        assertThat(Double.parseDouble(probability.group(1)), greaterThan(0.9));
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
        IrisExamples.Flower versicolor = IrisExamples.flowers().get(1);
        for (Map.Entry<String, Double> measurement : versicolor.measurements().entrySet()) {
            String shown = shared.locator("#trace-" + measurement.getKey()).inputValue();
            assertThat(measurement.getKey(), Double.parseDouble(shown), equalTo(measurement.getValue()));
        }
        assertThat(shared.locator("#trace-skip").isChecked(), equalTo(true));
        shared.waitForSelector(".stage-card.skipped");
        assertThat(shared.locator("[data-stage=scale]").textContent(), containsString("SKIPPED"));
        assertThat(shared.locator("[data-trace-answer]").getAttribute("class"), containsString("mismatch"));
        assertThat(browser.consoleErrors(shared), empty());
    }

    @Test
    void theLatencyLabRunsAndShowsItsChartWithTheDataTable() {
        Page page = browser.open(LATENCY_LESSON);
        page.locator("#latency-count").focus();
        page.keyboard().press("Home"); // 10 requests
        page.locator("[data-latency-form] button[type=submit]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-latency-status]').textContent.startsWith('Done')");

        for (String cell : List.of("p50", "p95", "p99", "max")) {
            String text = page.locator("[data-latency=" + cell + "]").textContent();
            assertThat(cell, Double.parseDouble(text.replace(" ms", "")), greaterThan(0.0));
        }
        assertThat(page.locator("[data-latency=requests]").textContent(), equalTo("10 (0 errors)"));
        List<Integer> tableCounts = new ArrayList<>();
        for (String count :
                page.locator("[data-latency-bins] tr td:nth-child(3)").allTextContents()) {
            tableCounts.add(Integer.parseInt(count));
        }
        assertThat(tableCounts, hasSize(12));
        assertThat(tableCounts.stream().mapToInt(Integer::intValue).sum(), equalTo(10));
        // The chart draws exactly the numbers of its data table.
        Object chartCounts = page.evaluate(
                "() => Chart.getChart(document.querySelector('[data-latency-histogram]')).data.datasets[0].data");
        assertThat(chartCounts, equalTo(tableCounts));
        // The chart is in the page's colours, and takes them again when the system turns dark.
        String inPageColours =
                "() => { const chart = Chart.getChart(document.querySelector('[data-latency-histogram]'));"
                        + " const css = getComputedStyle(document.documentElement);"
                        + " return chart.options.scales.x.ticks.color === css.getPropertyValue('--text').trim()"
                        + " && chart.data.datasets[0].backgroundColor === css.getPropertyValue('--accent').trim(); }";
        assertThat(page.evaluate(inPageColours), equalTo(true));
        String textColour = "() => getComputedStyle(document.documentElement).getPropertyValue('--text').trim()";
        Object lightText = page.evaluate(textColour);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        assertThat(page.evaluate(textColour), not(equalTo(lightText)));
        page.waitForFunction(inPageColours);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        assertThat(page.locator("[data-latency-stages] tr").allTextContents(), hasSize(5));
        assertThat(browser.consoleErrors(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
        assertFitsAPhone(page, "latency-lab");
    }

    @Test
    void theApiConsoleShowsWhatAClientGetsBackWhateverTheStatus() {
        Page page = browser.open(CONSOLE_LESSON);
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
        browser.assertNoSeriousAccessibilityViolations(page);
        assertFitsAPhone(page, "api-console");
    }

    /**
     * Checks that a widget fits the width a phone of 360 CSS pixels leaves it, without scrolling sideways: long code
     * and tables scroll inside their own boxes. The widget is narrowed alone, so that the lesson around it does not
     * count.
     */
    private static void assertFitsAPhone(Page page, String widget) {
        page.setViewportSize(360, 800);
        String section = "document.querySelector(`[data-widget=${name}]`)";
        page.evaluate("name => { " + section + ".style.width = '328px'; }", widget);
        // Charts follow their box's width on the next frames, so wait for the layout to settle.
        String overflow = "name => " + section + ".scrollWidth - " + section + ".clientWidth";
        try {
            page.waitForFunction(
                    "name => (" + overflow + ")(name) <= 0",
                    widget,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
        } catch (TimeoutError e) {
            fail(widget + " overflows a phone's width by " + page.evaluate(overflow, widget) + " px");
        }
    }

    private static void type(Page page, String selector, String text) {
        page.locator(selector).focus();
        page.keyboard().press("Control+A");
        page.keyboard().type(text);
    }

    private static String value(Page page, String stage, String term) {
        return page.locator("[data-stage=" + stage + "] [data-value=" + term + "]")
                .textContent();
    }

    private static void waitForValue(Page page, String stage, String term, String text) {
        page.waitForFunction(
                "([stage, term, text]) => { const v = document.querySelector("
                        + "`[data-stage=${stage}] [data-value=${term}]`); return v && v.textContent === text; }",
                List.of(stage, term, text));
    }
}
