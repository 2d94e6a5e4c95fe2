package dev.servinglab.workshop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class InstructorPagesBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "01-what-happens-when-you-call-a-model-api";
    private static final int PHONE_WIDTH = 360;
    // Generous for a loaded CI machine; the dashboard itself updates within a fraction of a second.
    private static final LocatorAssertions.HasTextOptions SOON =
            new LocatorAssertions.HasTextOptions().setTimeout(15_000);
    private static final LocatorAssertions.ContainsTextOptions SOON_CONTAINING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    @Inject
    LessonRepository lessons;

    @Inject
    QuizRepository quizzes;

    @Test
    void anInstructorCreatesAWorkshopAndWatchesALearnerAnswerLive() {
        Page page = browser.open("/workshops/new");
        page.getByLabel("Title").fill("Live class");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the workshop"))
                .press("Enter");
        Locator joinCode = page.locator("[data-join-code]");
        PlaywrightAssertions.assertThat(joinCode).hasText(Pattern.compile("^[A-Z0-9]{3}-[A-Z0-9]{3}$"));
        String code = joinCode.textContent().replace("-", "");
        PlaywrightAssertions.assertThat(page.locator("img.join-qr")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the dashboard"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("[data-learner-count]")).hasText("0");
        // The stream is followed once the first event has been drawn.
        PlaywrightAssertions.assertThat(page.locator("[data-updated]")).hasText(Pattern.compile("^Live"), SOON);

        String quiz = lessons.find(LESSON).orElseThrow().lesson().quiz();
        Question question = quizzes.find(quiz).orElseThrow().questions().stream()
                .filter(q -> q.kind() != Question.Kind.NUMERIC)
                .findFirst()
                .orElseThrow();
        String learner = given().contentType(ContentType.JSON)
                .body(Map.of("nickname", "Ana <b>"))
                .post("/api/v1/workshops/" + code + "/learners")
                .then()
                .statusCode(201)
                .extract()
                .cookie(WorkshopCookies.LEARNER);

        Locator learners = page.locator("[data-learners]");
        PlaywrightAssertions.assertThat(page.locator("[data-learner-count]")).hasText("1", SOON);
        PlaywrightAssertions.assertThat(learners).containsText("Ana <b>");

        given().contentType(ContentType.JSON)
                .cookie(WorkshopCookies.LEARNER, learner)
                .body(Map.of("quiz", quiz, "question", question.id(), "answer", Map.of("choices", List.of(0))))
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200);

        Locator result = page.locator("[data-question-key='" + quiz + "/" + question.id() + "']");
        PlaywrightAssertions.assertThat(result.locator("[data-answered]")).hasText("1", SOON);
        PlaywrightAssertions.assertThat(result.locator("tr[data-option='0'] [data-count]"))
                .hasText("1", SOON);
        PlaywrightAssertions.assertThat(learners.locator("tr").first()).containsText("Ana <b>");

        // The controls: hold the lesson back, ask the class to follow a section.
        Locator lessonRow = page.locator("tr[data-lesson='" + LESSON + "']");
        lessonRow.locator("[data-toggle=released]").click();
        PlaywrightAssertions.assertThat(lessonRow.locator("[data-released]")).hasText("held back", SOON);
        PlaywrightAssertions.assertThat(page.locator("[data-dashboard-status]")).containsText("held back");
        String section = lessons.find(LESSON)
                .orElseThrow()
                .lesson()
                .sections()
                .getFirst()
                .text();
        page.getByLabel("Section").selectOption(new SelectOption().setLabel(section));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the class to follow"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("[data-follow-now] a")).containsText(section, SOON_CONTAINING);

        assertThat(browser.consoleErrors(page), empty());
        assertThat(browser.foreignRequests(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
        assertFitsAPhone(page, "dashboard");

        // The presenter view: a question large, its results hidden until revealed.
        page.setViewportSize(1280, 800);
        page.navigate("/workshops/" + code + "/present");
        page.getByLabel("Show").selectOption(quiz + "/" + question.id());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show it"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("[data-present-status]"))
                .containsText("Results hidden", SOON_CONTAINING);
        PlaywrightAssertions.assertThat(page.locator("[data-stage-title]")).hasText(question.prompt(), SOON);
        PlaywrightAssertions.assertThat(page.locator("[data-stage-results]")).isHidden();
        page.locator("[data-reveal]").click();
        PlaywrightAssertions.assertThat(page.locator("[data-stage-results]")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("[data-stage-results] [data-answered]"))
                .hasText("1");
        // The choice and the reveal are the workshop's: a reload shows them again.
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("[data-stage-results]")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("[data-stage-title]")).hasText(question.prompt());
        assertThat(browser.consoleErrors(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
        assertFitsAPhone(page, "presenter view");

        // Deleting asks first, then leaves for a new workshop; the dashboard is gone.
        page.setViewportSize(1280, 800);
        page.navigate("/workshops/" + code);
        page.onDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the workshop and all its data"))
                .click();
        page.waitForURL("**/workshops/new");
        given().get("/workshops/" + code + "/qr.svg").then().statusCode(404);
    }

    /** Checks that a page does not scroll sideways on a phone: wide tables scroll inside their own regions. */
    private static void assertFitsAPhone(Page page, String what) {
        page.setViewportSize(PHONE_WIDTH, 800);
        try {
            // Charts follow their box's width on the next frames: wait for the layout to settle.
            page.waitForFunction(
                    "width => document.documentElement.scrollWidth <= width",
                    PHONE_WIDTH,
                    new Page.WaitForFunctionOptions().setTimeout(10_000));
        } catch (TimeoutError e) {
            Object widest = page.evaluate(
                    "width => [...document.querySelectorAll('body *')]"
                            + ".filter(e => e.getBoundingClientRect().right > width && !e.closest('.table-scroll'))"
                            + ".slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')",
                    PHONE_WIDTH);
            fail(what + " scrolls sideways at " + PHONE_WIDTH + " px: "
                    + page.evaluate("() => document.documentElement.scrollWidth") + " px wide, past the edge: "
                    + widest);
        }
    }
}
