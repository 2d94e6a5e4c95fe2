package dev.servinglab.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.fail;

import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.model.service.ModelRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LessonPageTest {

    private static final Pattern SOURCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Inject
    LessonRepository lessons;

    @Inject
    ModelRegistry models;

    @Test
    void theHomePageListsEveryLessonInOrder() {
        String html = given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        int at = 0;
        for (Lesson lesson : lessons.lessons()) {
            int found = html.indexOf("href=\"" + lesson.path() + "\"", at);
            assertThat(lesson.slug(), found, greaterThan(at));
            at = found;
        }
        assertThat(lessons.lessons().size(), greaterThanOrEqualTo(7));
    }

    @Test
    void everyLessonShowsLiveNumbersAndNoPlaceholder() {
        String accuracy = String.format(
                Locale.ROOT, "%.1f %%", models.defaultModel().test().accuracy() * 100);
        for (Lesson lesson : lessons.lessons()) {
            given().when()
                    .get(lesson.path())
                    .then()
                    .statusCode(200)
                    .body(containsString("<h1>" + lesson.title().replace("'", "&#39;") + "</h1>"))
                    .body(not(containsString("{{")))
                    .body(containsString("class=\"toc\""));
        }
        given().when()
                .get("/lessons/04-the-confusion-matrix")
                .then()
                .statusCode(200)
                .body(containsString("<span class=\"live\" title=\"Computed live by the running model\">" + accuracy))
                .body(containsString("Predicted virginica"));
    }

    @Test
    void nothingComesFromAnotherOriginAndNoScriptIsInline() {
        for (String path : new String[] {
            "/", "/lessons/01-what-happens-when-you-call-a-model-api", "/lessons/03-latency-and-throughput"
        }) {
            String html =
                    given().when().get(path).then().statusCode(200).extract().asString();
            Matcher source = SOURCE.matcher(html);
            while (source.find()) {
                String url = source.group(1);
                if (url.startsWith("//") || url.startsWith("http:") || url.startsWith("https:")) {
                    fail(path + " refers to another origin: " + url);
                }
            }
            // Every script is an ES module loaded from this server: none is inline.
            assertThat(
                    path,
                    html.replaceAll("<script type=\"module\" src=\"/[^\"]+\"></script>", ""),
                    not(containsString("<script")));
            assertThat(path, html, not(containsString(" style=\"")));
            assertThat(path, html, not(containsString(" onclick=")));
        }
    }

    @Test
    void pagesSendAStrictContentSecurityPolicy() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().when()
                .get("/lessons/03-latency-and-throughput")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void anUnknownLessonIsA404PageListingTheLessons() {
        given().when()
                .get("/lessons/99-nothing")
                .then()
                .statusCode(404)
                .contentType("text/html")
                .body(containsString("/lessons/01-what-happens-when-you-call-a-model-api"));
    }
}
