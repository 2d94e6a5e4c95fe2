package dev.servinglab.evaluation.exercise.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Page;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class ExercisePageBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Test
    void aLearnerSolvesAnExerciseWithHintsByKeyboard() {
        Page page = browser.open("/exercises/fixed-4");
        assertThat(page.locator("caption").first().textContent(), containsString("rows are the actual class"));

        // Two hints on precision: the formula, then the cells.
        page.locator("[data-hint=precision]").focus();
        page.keyboard().press("Enter");
        page.waitForSelector("[data-metric=precision] [data-hints] li");
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelectorAll('[data-metric=precision] [data-hints] li').length === 2");
        assertThat(
                page.locator("[data-metric=precision] [data-hints] li").nth(1).textContent(),
                containsString("TP = 40"));

        // A wrong answer first, then the right ones.
        type(page, "precision", "0.5");
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelector('[data-metric=precision] [data-result]').textContent"
                + ".includes('not yet')");
        type(page, "accuracy", "0.85");
        type(page, "precision", "0.80");
        type(page, "recall", "0.89");
        type(page, "f1", "0.84");
        page.keyboard().press("Enter");
        page.waitForSelector("[data-solution]:not([hidden])");
        assertThat(page.locator("[data-exercise-status]").textContent(), containsString("Solved"));
        assertThat(page.locator("[data-exercise-score]").textContent(), equalTo("solved 1 · streak 1"));
        assertThat(page.locator("[data-solution-rows] tr").nth(1).textContent(), containsString("0.80"));
        assertThat(browser.consoleErrors(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);

        // Next leads to another exercise, whose link reproduces it.
        page.locator("[data-next]").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/exercises/seed-1");
        String cells = page.locator(".confusion-matrix tbody").textContent();
        Page again = browser.open("/exercises/seed-1");
        assertThat(again.locator(".confusion-matrix tbody").textContent(), equalTo(cells));
    }

    @Test
    void givingUpShowsTheSolutionAndEndsTheStreak() {
        Page page = browser.open("/exercises/fixed-3");
        assertThat(page.locator("caption").first().textContent(), containsString("rows are the predicted class"));
        page.locator("[data-give-up]").focus();
        page.keyboard().press("Enter");
        page.waitForSelector("[data-solution]:not([hidden])");
        assertThat(page.locator("[data-solution-rows]").textContent(), containsString("80 / 100"));
        assertThat(page.locator("[data-exercise-score]").textContent(), containsString("streak 0"));
        browser.assertNoSeriousAccessibilityViolations(page);
        given().redirects().follow(false).when().get("/exercises").then().statusCode(303);
        given().when().get("/exercises/seed-x").then().statusCode(404).contentType("text/html");
    }

    private static void type(Page page, String metric, String value) {
        page.locator("#metric-" + metric).focus();
        page.keyboard().press("Control+A");
        page.keyboard().type(value);
    }
}
