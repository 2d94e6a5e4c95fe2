package dev.servinglab.predict.rollout.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the drift lab of lesson 8 with its own controls: the flowers as they are grade stable, longer petals
 * drift petal length alone, and both alerts fire when their rules are crossed; the tables show what the API says.
 */
@QuarkusTest
class DriftLabBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/08-rollouts-monitoring-and-drift";

    @Test
    void longerPetalsDriftPetalLengthAloneAndTheAlertsFire() {
        Page page = browser.open(LESSON);
        Locator lab = page.locator("[data-widget=drift-lab]");
        Locator status = lab.locator("[data-drift-status]");

        lab.locator("#drift-preset").selectOption("as-trained");
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send 150 flowers"))
                .focus();
        page.keyboard().press("Enter");
        assertStatus(status, "Sent 150 flowers");
        assertThat(column(lab, 5), everyItem(equalTo("stable")));
        JsonPath drift = api(page, "/drift");
        assertThat(
                column(lab, 3),
                equalTo(drift.getList("features.psi", Double.class).stream()
                        .map(psi -> String.format(Locale.ROOT, "%.3f", psi))
                        .toList()));

        lab.locator("#drift-preset").selectOption("longer-petals");
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send 150 flowers"))
                .click();
        assertStatus(status, "Sent 150 flowers (data drift");
        // Half the window is still the unchanged flowers: petal length has moved, not yet all the way.
        assertThat(column(lab, 5), contains("stable", "stable", "moderate", "stable"));
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send 150 flowers"))
                .click();
        assertStatus(status, "Sent 150 flowers (data drift");
        PlaywrightAssertions.assertThat(status).containsText("the last 450 answered requests");
        assertThat(column(lab, 5), contains("stable", "stable", "drifted", "stable"));
        assertThat(api(page, "/drift").getList("features.level"), contains("stable", "stable", "drifted", "stable"));

        // The chosen feature's bins: one row per bin, the same shares as the API's.
        lab.locator("#drift-feature").selectOption("2");
        JsonPath moved = api(page, "/drift");
        List<Double> recent = moved.getList("features[2].recent_shares", Double.class);
        assertThat(lab.locator("[data-drift-bins] tr").count(), equalTo(recent.size()));
        assertThat(
                lab.locator("[data-drift-bins] tr").last().locator("td").last().textContent(),
                equalTo(String.format(Locale.ROOT, "%.1f %%", 100 * recent.getLast())));

        // A p99 no request can meet fires; so do 50 broken requests against a 5 % error rate.
        lab.locator("#alert-p99").fill("0.001");
        lab.locator("#alert-errors").fill("0.05");
        lab.locator("#alert-window").fill("600");
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set the rules and evaluate"))
                .click();
        assertStatus(status, "Rules set");
        assertThat(alertStates(lab), contains("firing", "ok"));
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send 50 broken requests"))
                .click();
        assertStatus(status, "Sent 50 broken requests: 50 refused");
        assertThat(alertStates(lab), contains("firing", "firing"));
        assertThat(api(page, "/alerts").getList("alerts.state"), contains("firing", "firing"));
        browser.assertNoSeriousAccessibilityViolations(page);
    }

    private static List<String> column(Locator lab, int index) {
        return lab.locator("[data-drift-features] tr").all().stream()
                .map(row -> row.locator("th, td").nth(index).textContent())
                .toList();
    }

    private static List<String> alertStates(Locator lab) {
        return lab.locator("[data-alerts] tr").all().stream()
                .map(row -> row.locator("td").last().textContent())
                .toList();
    }

    private static void assertStatus(Locator status, String start) {
        PlaywrightAssertions.assertThat(status)
                .hasText(
                        Pattern.compile("^" + start.replaceAll("\\W", "\\\\$0")),
                        new LocatorAssertions.HasTextOptions().setTimeout(30_000));
    }

    private static JsonPath api(Page page, String tail) {
        String name =
                (String) page.evaluate("() => JSON.parse(localStorage.getItem('serving-lab.drift-lab')).deployment");
        return given().when()
                .get("/api/v1/deployments/" + name + tail)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
