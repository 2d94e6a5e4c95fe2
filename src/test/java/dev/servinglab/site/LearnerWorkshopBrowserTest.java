package dev.servinglab.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LearnerWorkshopBrowserTest {

    @Inject
    QuizRepository quizzes;

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String LESSON = "01-what-happens-when-you-call-a-model-api";
    private static final String OTHER = "02-the-predict-api-hands-on";

    @Test
    void aLearnerJoinsAnswersAndCompletesALessonAndTheInstructorSeesIt() {
        JsonPath created = given().contentType(ContentType.JSON)
                .body("{\"title\": \"Browser class\", \"lessons\": [\"" + LESSON + "\", \"" + OTHER + "\"], "
                        + "\"hold_answers\": true}")
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String code = created.getString("workshop.code");
        String display = created.getString("workshop.display_code");
        String secret = created.getString("secret");

        Page page = browser.open("/join?code=" + display);
        browser.assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("Nickname").fill("Ana");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join"))
                .click();
        Locator bar = page.locator("[data-workshop-bar]");
        PlaywrightAssertions.assertThat(bar).containsText("Workshop " + display + " · you are Ana");

        page.navigate("/lessons/" + LESSON);
        Locator first = page.locator("[data-question]").first();
        // Options show in each learner's own order: the right one is found by its index in the quiz file.
        Question question = quizzes.find(LESSON).orElseThrow().questions().getFirst();
        int right = IntStream.range(0, question.options().size())
                .filter(i -> question.options().get(i).correct())
                .findFirst()
                .orElseThrow();
        first.locator("input[name=choice][value='" + right + "']").check();
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check my answer"))
                .click();
        PlaywrightAssertions.assertThat(first.locator("[data-feedback]")).containsText("Your answer is recorded");
        page.locator("[data-complete-lesson]").click();
        PlaywrightAssertions.assertThat(page.locator("[data-completed-note]")).isVisible();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath dashboard = given().header("Authorization", "Bearer " + secret)
                    .when()
                    .get("/api/v1/workshops/" + code + "/dashboard")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(dashboard.getString("learners[0].nickname"), equalTo("Ana"));
            assertThat(dashboard.getInt("learners[0].answered"), equalTo(1));
            assertThat(dashboard.getInt("learners[0].lessons_completed"), equalTo(1));
            assertThat(dashboard.getInt("questions.find { it.quiz == '" + LESSON + "' }.answered"), equalTo(1));
        });

        // The instructor releases the answers: the held answer is graded in the page, without a reload.
        given().header("Authorization", "Bearer " + secret)
                .contentType(ContentType.JSON)
                .body("{\"released\": true, \"answers_released\": true}")
                .when()
                .put("/api/v1/workshops/" + code + "/lessons/" + LESSON)
                .then()
                .statusCode(200);
        PlaywrightAssertions.assertThat(first.locator("[data-feedback]")).containsText("Correct.");

        // "Follow me": an offer to go there, a link the learner may follow or not.
        given().header("Authorization", "Bearer " + secret)
                .contentType(ContentType.JSON)
                .body("{\"lesson\": \"" + OTHER + "\", \"section\": \"your-first-prediction\"}")
                .when()
                .put("/api/v1/workshops/" + code + "/follow")
                .then()
                .statusCode(200);
        Locator offer = bar.locator(".workshop-follow");
        PlaywrightAssertions.assertThat(offer).containsText("Your instructor is at");
        PlaywrightAssertions.assertThat(offer.getByRole(AriaRole.LINK))
                .hasAttribute("href", "/lessons/" + OTHER + "#your-first-prediction");

        assertThat(browser.consoleErrors(page), empty());
        assertThat(browser.foreignRequests(page), empty());
    }

    @Test
    void theJoinPageFitsAPhone() {
        Page page = browser.open("/join", 360, 800);
        Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue(), lessThanOrEqualTo(360));
    }
}
