package dev.servinglab.evaluation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads lesson 6's labs as a learner sees them and checks what the lesson says they show: the do-nothing answer
 * beats the real model on accuracy while catching no spam, and each leak inflates the score on the same test rows.
 */
@QuarkusTest
class PitfallLabsBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/06-good-and-bad-numbers-and-pitfalls";

    @Test
    void theDoNothingAnswerBeatsTheRealModelOnAccuracyAndCatchesNoSpam() {
        Page page = browser.open(LESSON);
        Map<String, String> nothing = metrics(page, "paradox-metrics-0");
        Map<String, String> model = metrics(page, "paradox-metrics-1");
        assertThat(number(nothing.get("Accuracy")), greaterThan(number(model.get("Accuracy"))));
        assertThat(nothing.get("Recall"), equalTo("0.000"));
        assertThat(nothing.get("Precision"), equalTo("undefined"));
        assertThat(number(model.get("Recall")), greaterThan(0.0));
        // The lesson's sentence quotes the same two accuracies, as percentages.
        // The lesson quotes the two accuracies in the reveal of its paradox prediction, shown once the learner commits.
        page.locator("#predict-paradox-3").check();
        page.locator("#predict-paradox button[type=submit]").click();
        page.waitForSelector(
                "#predict-paradox [data-reveal]",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        String text = page.locator("#predict-paradox [data-reveal]").textContent();
        assertThat(text, containsString("The do-nothing answer scores " + percent(nothing.get("Accuracy"))));
        assertThat(text, containsString("against " + percent(model.get("Accuracy")) + " for the real model"));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void eachLeakScoresHigherThanTheHonestEvaluationOnTheSameTestRows() {
        Page page = browser.open(LESSON);
        for (int leak = 0; leak < 2; leak++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rows = (Map<String, Object>) page.evaluate(
                    "id => { const rows = [...document.getElementById(id).closest('table').tBodies[0].rows];"
                            + " return { honestRows: rows[0].cells[1].textContent, leakyRows: rows[1].cells[1]"
                            + ".textContent, honest: rows[0].cells[2].textContent, leaky: rows[1].cells[2]"
                            + ".textContent }; }",
                    "leak-caption-" + leak);
            assertThat(rows.get("leakyRows"), equalTo(rows.get("honestRows")));
            assertThat(number((String) rows.get("leaky")), greaterThan(number((String) rows.get("honest"))));
        }
        page.locator("[aria-labelledby=leakage-title]")
                .screenshot(
                        new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "leakage-lab.png")));
    }

    /** Reads a metrics table of the paradox lab: metric label → value as shown. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> metrics(Page page, String captionId) {
        return (Map<String, String>) page.evaluate(
                "id => Object.fromEntries([...document.getElementById(id).closest('table').tBodies[0].rows]"
                        + ".map(r => [r.cells[0].textContent.trim(), r.cells[1].textContent.trim()]))",
                captionId);
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.trim());
    }

    /** Writes a metric shown with three decimals as the lesson's one-decimal percentage. */
    private static String percent(String shown) {
        return String.format(Locale.ROOT, "%.1f %%", number(shown) * 100);
    }
}
