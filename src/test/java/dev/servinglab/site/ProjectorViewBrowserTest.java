package dev.servinglab.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks the projector view the presenter view opens: the lesson alone, without the site's navigation, its widgets
 * still there and working.
 */
@QuarkusTest
class ProjectorViewBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Inject
    LessonRepository lessons;

    @Test
    void aLessonForTheProjectorShowsTheLessonAloneWithItsWidgets() {
        Lesson withLatencyLab = lessons.lessons().stream()
                .filter(lesson -> lesson.scripts().stream().anyMatch(script -> script.contains("latency-lab")))
                .findFirst()
                .orElseThrow();
        Page page = browser.open(withLatencyLab.path() + "?view=projector");
        assertThat(page.locator("header.site-header")).isHidden();
        assertThat(page.locator("nav.toc")).isHidden();
        assertThat(page.locator("h1")).hasText(withLatencyLab.title());
        page.locator("[data-widget=latency-lab] button[type=submit]").click();
        // A latency run on a loaded machine can take longer than the default 5 s.
        assertThat(page.locator("[data-latency-status]"))
                .containsText("Done", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));

        Page usual = browser.open(withLatencyLab.path());
        assertThat(usual.locator("header.site-header")).isVisible();
    }
}
