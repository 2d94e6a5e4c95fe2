package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.training.TrainingConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamLabWidgetTest {

    private static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"( selected)?>");

    @Inject
    TrainingConfig training;

    @Test
    void theLessonOffersThePausesAndLengthsTheTrainingApiAccepts() {
        String page = given().when()
                .get("/lessons/09-frameworks-and-generative-models")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        StreamLabWidget widget = new StreamLabWidget(training);
        assertThat(options(page, "stream-pace"), equalTo(widget.paces()));
        assertThat(selected(page, "stream-pace"), equalTo(training.pagePaceMs()));
        assertThat(page, containsString(">" + training.pagePaceMs() + " ms (the training page's)</option>"));
        assertThat(options(page, "stream-epochs"), equalTo(widget.epochs()));
        assertThat(selected(page, "stream-epochs"), equalTo(StreamLabWidget.DEFAULT_EPOCHS));
    }

    @Test
    void pausesAndLengthsStayWithinTheConfiguredLimits() {
        StreamLabWidget slow =
                new StreamLabWidget(config(Map.of("maxPaceMs", 100, "pagePaceMs", 60, "maxEpochs", 2000)));
        assertThat(slow.paces(), contains(0, 20, 60));
        assertThat(slow.epochs(), contains(20, 50, 100));
        StreamLabWidget paced =
                new StreamLabWidget(config(Map.of("maxPaceMs", 1000, "pagePaceMs", 200, "maxEpochs", 30)));
        assertThat(paced.paces(), contains(0, 20, 200));
        assertThat(paced.epochs(), contains(20));
        StreamLabWidget tiny =
                new StreamLabWidget(config(Map.of("maxPaceMs", 1000, "pagePaceMs", 60, "maxEpochs", 10)));
        assertThat(tiny.epochs(), contains(10));
    }

    /** Answers the limits the widget reads from the given values; any other setting is not expected. */
    private static TrainingConfig config(Map<String, Integer> values) {
        return (TrainingConfig) Proxy.newProxyInstance(
                TrainingConfig.class.getClassLoader(), new Class<?>[] {TrainingConfig.class}, (proxy, method, args) -> {
                    Integer value = values.get(method.getName());
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }

    private static List<Integer> options(String page, String id) {
        List<Integer> values = new ArrayList<>();
        Matcher option = OPTION.matcher(select(page, id));
        while (option.find()) {
            values.add(Integer.parseInt(option.group(1)));
        }
        return values;
    }

    private static int selected(String page, String id) {
        Matcher option = OPTION.matcher(select(page, id));
        while (option.find()) {
            if (option.group(2) != null) {
                return Integer.parseInt(option.group(1));
            }
        }
        throw new AssertionError("no option of #" + id + " is selected");
    }

    private static String select(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        return page.substring(start, page.indexOf("</select>", start));
    }
}
