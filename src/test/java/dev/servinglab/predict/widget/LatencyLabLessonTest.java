package dev.servinglab.predict.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lesson 3's steps name concurrency levels: each must be one the latency lab's menu offers (review E4).
 */
@QuarkusTest
class LatencyLabLessonTest {

    /** A concurrency a step of the lesson asks for: "concurrency 4". */
    private static final Pattern ASKED = Pattern.compile("concurrency (\\d+)");

    private static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"[^>]*>");

    @Test
    void everyConcurrencyTheLessonAsksForIsOnTheLabsMenu() {
        String page = given().when()
                .get("/lessons/03-latency-and-throughput")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String menu = page.substring(
                page.indexOf("id=\"latency-concurrency\""),
                page.indexOf("</select>", page.indexOf("id=\"latency-concurrency\"")));
        List<String> offered = new ArrayList<>();
        Matcher option = OPTION.matcher(menu);
        while (option.find()) {
            offered.add(option.group(1));
        }
        List<String> asked = new ArrayList<>();
        Matcher step = ASKED.matcher(page);
        while (step.find()) {
            asked.add(step.group(1));
        }
        assertThat(asked, hasItems("1", "4", "16"));
        assertThat(offered, hasItems(asked.toArray(String[]::new)));
        // What the browser does beyond six at once is said on the page, by the lesson and by the lab.
        assertThat(page, containsString("at most about six connections to one server"));
    }
}
