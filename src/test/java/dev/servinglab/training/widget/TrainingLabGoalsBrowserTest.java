package dev.servinglab.training.widget;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Does lesson 7's three runs with the training lab's own buttons, as a learner would, and checks that each shows
 * what the lesson promises: the built-in preset trains the served model again, the overfitting preset's validation
 * loss turns up, and early stopping keeps the epoch with the lowest validation loss.
 */
@QuarkusTest
class TrainingLabGoalsBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/07-watching-a-model-train";

    /** The columns the lab's data table and the history table share: epoch, both losses, both accuracies. */
    private static final int SHARED_COLUMNS = 5;

    private static final int VALIDATION_LOSS = 2;
    private static final int TRAIN_LOSS = 1;

    private static final Pattern KEPT = Pattern.compile("kept model \\(epoch (\\d+)\\)");

    @Test
    void theBuiltInPresetEndsOnTheNumbersOfTheServedModelsHistory() {
        Page page = run("built-in");
        List<List<String>> trained = rows(page, "[data-epochs] tr");
        List<List<String>> served = rows(page, "table.history tbody tr");
        assertThat(trained.size(), equalTo(served.size()));
        assertThat(
                trained.getLast().subList(0, SHARED_COLUMNS),
                equalTo(served.getLast().subList(0, SHARED_COLUMNS)));
        assertThat(
                trained.getFirst().subList(0, SHARED_COLUMNS),
                equalTo(served.getFirst().subList(0, SHARED_COLUMNS)));
        assertThat(browser.consoleErrors(page), empty());
    }

    @Test
    void theOverfittingPresetsValidationLossTurnsUpWhileTrainingLossFalls() {
        Page page = run("overfitting");
        page.locator(".training-charts")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "training-overfitting.png")));
        List<List<String>> epochs = rows(page, "[data-epochs] tr");
        int best = bestEpoch(epochs);
        List<String> last = epochs.getLast();
        assertThat("the best validation loss comes well before the end", best, lessThan(epochs.size() - 10));
        assertThat(
                "validation loss ends clearly above its best",
                number(last, VALIDATION_LOSS),
                greaterThan(number(epochs.get(best), VALIDATION_LOSS) * 1.1));
        assertThat(
                "training loss keeps falling after that epoch",
                number(last, TRAIN_LOSS),
                lessThan(number(epochs.get(best), TRAIN_LOSS)));
    }

    @Test
    void earlyStoppingKeepsTheEpochWithTheLowestValidationLoss() {
        Page page = run("early-stopping");
        List<List<String>> epochs = rows(page, "[data-epochs] tr");
        Matcher kept = KEPT.matcher(page.locator("[data-result-text]").textContent());
        assertThat("the result names the kept epoch", kept.find(), equalTo(true));
        List<String> keptRow = epochs.get(Integer.parseInt(kept.group(1)) - 1);
        assertThat(keptRow.getFirst(), equalTo(kept.group(1)));
        // The table shows three decimals: the kept epoch's loss is the lowest the learner can read there.
        assertThat(number(keptRow, VALIDATION_LOSS), equalTo(number(epochs.get(bestEpoch(epochs)), VALIDATION_LOSS)));
        // It stopped on its own, before the 200 epochs it was allowed, and after the kept one.
        assertThat(epochs.size(), lessThan(200));
        assertThat(Integer.parseInt(kept.group(1)), lessThan(epochs.size()));
    }

    /** Loads a preset with its button, trains at full speed and waits for the run to end. */
    private static Page run(String preset) {
        Page page = browser.open(LESSON);
        page.locator("[data-preset=" + preset + "]").focus();
        page.keyboard().press("Enter");
        page.locator("#train-pace-ms").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("0");
        page.locator("[data-start]").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => /^Training (finished|stopped)/"
                + ".test(document.querySelector('[data-training-status]').textContent)"
                + " && document.querySelector('[data-result-text]') !== null");
        return page;
    }

    /** Returns the index of the row with the lowest validation loss, the first of equals. */
    private static int bestEpoch(List<List<String>> epochs) {
        int best = 0;
        for (int i = 1; i < epochs.size(); i++) {
            if (number(epochs.get(i), VALIDATION_LOSS) < number(epochs.get(best), VALIDATION_LOSS)) {
                best = i;
            }
        }
        return best;
    }

    private static double number(List<String> row, int column) {
        return Double.parseDouble(row.get(column));
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(Page page, String selector) {
        return (List<List<String>>) page.evaluate(
                "selector => [...document.querySelectorAll(selector)].map(tr => [...tr.cells].map(c => c.textContent"
                        + ".trim()))",
                selector);
    }
}
