package dev.servinglab.site;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.lesson.service.Prediction;
import dev.servinglab.lesson.service.PredictionSource;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class PredictionsBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final Page.WaitForSelectorOptions VISIBLE =
            new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE);

    @Inject
    LessonRepository lessons;

    @Test
    void aLearnerCommitsAPredictionInEveryLessonWithTheKeyboardAndSeesItAgainAfterAReload() {
        for (Lesson lesson : lessons.lessons()) {
            Prediction prediction = lesson.predictions().getFirst();
            String element = "#predict-" + prediction.id();
            Page page = browser.open(lesson.path());
            Locator reveal = page.locator(element + " [data-reveal]");
            assertThat(lesson.slug() + ": the reveal waits for a commitment", reveal.isVisible(), equalTo(false));
            assertThat(reveal.textContent(), equalTo(""));

            String words = commit(page, element, prediction);

            page.waitForSelector(element + " [data-reveal]", VISIBLE);
            assertThat(lesson.slug(), reveal.textContent(), containsString(words));
            String revealHtml = asBrowserWritesIt(page, prediction.revealHtml());
            assertThat(lesson.slug(), reveal.innerHTML(), containsString(revealHtml));
            assertThat(lesson.slug() + ": focus moves to the reveal", focusedIsReveal(page, element), equalTo(true));
            assertThat(page.locator(element + " button[type=submit]").isDisabled(), equalTo(true));
            if (prediction.check() != null) {
                Locator check = reveal.locator("a[href=\"#" + prediction.check() + "\"]");
                check.focus();
                page.keyboard().press("Enter");
                assertThat(
                        lesson.slug() + ": the check link leads to the widget's control",
                        page.evaluate("() => document.activeElement.id"),
                        equalTo(prediction.check()));
            }
            browser.assertNoSeriousAccessibilityViolations(page);

            page.reload();
            page.waitForSelector(element + " [data-reveal]", VISIBLE);
            assertThat(lesson.slug() + " after a reload", reveal.textContent(), containsString(words));
            assertThat(reveal.innerHTML(), containsString(revealHtml));
            assertThat(page.locator(element + " button[type=submit]").isDisabled(), equalTo(true));
            if (prediction.kind() == PredictionSource.Kind.CHOICE) {
                assertThat(page.locator(element + " input[value=\"1\"]").isChecked(), equalTo(true));
            }
            assertThat(lesson.slug() + " console", browser.consoleErrors(page), empty());
        }
    }

    @Test
    void withoutScriptsTheFormOpensAPageWithThePredictionAndTheReveal() {
        Lesson lesson = lessons.find("05-precision-versus-recall").orElseThrow().lesson();
        Prediction prediction = lesson.prediction("precision-up").orElseThrow();
        // The helper's page gives the app's address; a context of our own switches scripts off.
        String origin = (String) browser.open(lesson.path()).evaluate("() => location.origin");
        Page withScripts = browser.blank(360, 800);
        Page noScripts = withScripts
                .context()
                .browser()
                .newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false)
                        .setViewportSize(360, 800))
                .newPage();
        try {
            noScripts.navigate(origin + lesson.path());
            noScripts.locator("#predict-precision-up-2").check();
            noScripts.locator("#predict-precision-up button[type=submit]").click();
            noScripts.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(noScripts.url(), containsString(lesson.predictionPath("precision-up") + "?prediction=2"));
            assertThat(
                    noScripts.locator(".predict-yours").textContent(),
                    containsString(prediction.choices().get(1).text()));
            String revealHtml = asBrowserWritesIt(withScripts, prediction.revealHtml());
            assertThat(noScripts.locator(".predict-reveal").innerHTML(), containsString(revealHtml));
            noScripts.reload();
            assertThat(noScripts.locator(".predict-reveal").innerHTML(), containsString(revealHtml));
        } finally {
            noScripts.context().close();
        }
    }

    /** Commits a prediction with the keyboard alone and returns the words the reveal repeats it in. */
    private static String commit(Page page, String element, Prediction prediction) {
        switch (prediction.kind()) {
            case CHOICE -> {
                page.locator(element + " input[value=\"1\"]").focus();
                page.keyboard().press("Space");
                page.keyboard().press("Tab"); // past the other choices of the group, to the button
                page.keyboard().press("Enter");
                return prediction.choices().getFirst().text();
            }
            case NUMBER -> {
                page.locator(element + " input[name=prediction]").focus();
                page.keyboard().type("42");
                page.keyboard().press("Enter");
                return "42";
            }
            default -> {
                page.locator(element + " textarea").focus();
                page.keyboard().type("Good enough on accuracy; the weakest recall decides it.");
                page.keyboard().press("Tab");
                page.keyboard().press("Enter");
                return "Good enough on accuracy; the weakest recall decides it.";
            }
        }
    }

    /** Returns HTML as the browser writes it back (quotes in text unescaped, and so on), to compare with a page's. */
    private static String asBrowserWritesIt(Page page, String html) {
        return (String) page.evaluate(
                "html => { const t = document.createElement('template'); t.innerHTML = html; return t.innerHTML; }",
                html);
    }

    private static boolean focusedIsReveal(Page page, String element) {
        return (Boolean) page.evaluate(
                "selector => document.activeElement === document.querySelector(selector)", element + " [data-reveal]");
    }
}
