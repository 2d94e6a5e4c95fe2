package dev.servinglab.site;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
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
