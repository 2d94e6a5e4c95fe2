package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the rollout lab of lesson 8 with its own controls: a canary of the other built-in model, a worse model
 * trained and promoted on purpose then shadowed, and a rollback; what the tables show is what the API counted.
 */
@QuarkusTest
class RolloutLabBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "/lessons/08-rollouts-monitoring-and-drift";
    private static final int FLOWERS = 150;

    @Test
    void aCanaryAShadowOfAWorseModelAndARollbackShowWhatTheServerCounted() {
        Page page = browser.open(LESSON);
        Locator lab = page.locator("[data-widget=rollout-lab]");
        Locator status = lab.locator("[data-rollout-status]");

        // A canary of the other built-in model at 20 %, started from the keyboard.
        lab.locator("#rollout-candidate").selectOption("logreg");
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the rollout"))
                .focus();
        page.keyboard().press("Enter");
        assertStatus(status, "Canary started");
        send(lab, status);
        JsonPath canary = deployment(page);
        assertThat(canary.getString("rollout.mode"), equalTo("canary"));
        int byCanary = canary.getInt("candidate.requests");
        assertThat(byCanary, allOf(greaterThan(FLOWERS * 10 / 100), lessThan(FLOWERS * 30 / 100)));
        assertThat(canary.getInt("current.requests"), equalTo(FLOWERS - byCanary));
        assertThat(
                rows(lab),
                contains(
                        List.of("mlp", "current", String.valueOf(FLOWERS - byCanary)),
                        List.of("logreg", "canary", String.valueOf(byCanary))));

        // A worse model on purpose: the overfitting preset, trained, promoted, then shadowed.
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("Train a worse model")))
                .click();
        assertStatus(status, "Promoted ");
        String worse = lab.locator("#rollout-candidate").inputValue();
        assertThat(worse, startsWith("run-"));
        lab.getByLabel("Shadow", new Locator.GetByLabelOptions().setExact(true)).check();
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the rollout"))
                .click();
        assertStatus(status, "Shadow started");
        send(lab, status);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonPath figures = deployment(page);
            return figures.getInt("shadow.compared") + figures.getInt("shadow.dropped") == FLOWERS;
        });
        JsonPath shadow = deployment(page);
        assertThat(shadow.getString("candidate.model"), equalTo(worse));
        assertThat(
                lab.locator("[data-rollout-agreement]").textContent(),
                startsWith("The shadow gave the same species as the current version on "
                        + shadow.getInt("shadow.agreed") + " of " + shadow.getInt("shadow.compared") + " requests"));
        assertThat(lab.locator("[data-rollout-confusion] tr").count(), equalTo(3));

        // A rollback: the next requests all go to the current version.
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Roll back"))
                .click();
        assertStatus(status, "Rolled back");
        send(lab, status);
        JsonPath after = deployment(page);
        assertThat(after.get("rollout"), equalTo(null));
        assertThat(rows(lab), hasSize(1));
        assertThat(rows(lab).getFirst().subList(0, 2), contains("mlp", "current"));
        browser.assertNoSeriousAccessibilityViolations(page);
    }

    private static void send(Locator lab, Locator status) {
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the 150 flowers"))
                .click();
        assertStatus(status, "Sent " + FLOWERS + " flowers");
    }

    private static void assertStatus(Locator status, String start) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(status)
                .hasText(
                        Pattern.compile("^" + start.replaceAll("\\W", "\\\\$0")),
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
    }

    private static JsonPath deployment(Page page) {
        String name =
                (String) page.evaluate("() => JSON.parse(localStorage.getItem('serving-lab.rollout-lab')).deployment");
        return given().when()
                .get("/api/v1/deployments/" + name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Returns each version row's first three cells: model, role, requests. */
    private static List<List<String>> rows(Locator lab) {
        return lab.locator("[data-rollout-versions] tr").all().stream()
                .map(row -> row.locator("th, td").allTextContents().subList(0, 3))
                .toList();
    }
}
