package dev.servinglab.predict.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.predict.Flowers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks what the trace lab shows: the page's first render and the result the page script swaps in after a change,
 * both rendered from the same trace the API answers.
 */
@QuarkusTest
class TraceLabFragmentsTest {

    private static final String RESULT = "/widgets/trace-lab/result";
    private static final Pattern CARD =
            Pattern.compile("<li class=\"(stage-card[^\"]*)\" data-stage=\"([a-z]+)\">(.*?)</li>", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("<code data-value=\"([A-Za-z]+)\">(.*?)</code>");

    @TestHTTPResource("/")
    URL base;

    @Inject
    TraceLabWidget widget;

    @Test
    void aValidFlowerShowsTheApisAnswerStageByStage() {
        JsonPath api = ApiTraces.trace(Flowers.virginica(), "");
        String html = result(Flowers.virginica(), "")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();

        assertThat(
                html,
                containsString(
                        "Predicted class: <strong>" + api.getString("prediction.predicted_class") + "</strong>"));
        List<Card> cards = cards(html);
        assertThat(cards.stream().map(Card::stage).toList(), contains("parse", "scale", "predict", "respond"));
        Card scale = cards.get(1);
        assertThat(
                scale.value("Out"),
                equalTo("[" + ApiTraces.rounded(api.getList("stages[1].output[0]", Double.class)) + "]"));
        assertThat(
                scale.value("Mean"),
                equalTo(ApiTraces.rounded(api.getList("stages[1].parameters.mean", Double.class))));
        assertThat(
                scale.value("Std"), equalTo(ApiTraces.rounded(api.getList("stages[1].parameters.std", Double.class))));
        assertThat(
                cards.get(2).value("Out"),
                equalTo("[" + ApiTraces.rounded(api.getList("stages[2].output[0]", Double.class)) + "]"));
        assertThat(scale.cssClass(), equalTo("stage-card"));
        assertThat(html, not(containsString("mismatch")));
        // The snippets call the predict API of this very server with the same body.
        assertThat(html, containsString("curl -s '" + base + "api/v1/predict'"));
        assertThat(html, containsString(Flowers.virginica().replace("\"", "&quot;")));
    }

    @Test
    void skippingTheScalingMarksTheScaleStageAndFeedsTheRawMeasurements() {
        JsonPath api = ApiTraces.trace(Flowers.setosa(), "?skip_scaling=true&model=logreg");
        String html = result(Flowers.setosa(), "?skip_scaling=true&model=logreg")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(html, containsString("class=\"trace-answer mismatch\""));
        assertThat(html, containsString("with scaling skipped"));
        List<Card> cards = cards(html);
        assertThat(cards.get(1).cssClass(), equalTo("stage-card skipped"));
        assertThat(cards.get(1).body(), containsString("SKIPPED"));
        assertThat(cards.get(2).value("In"), equalTo("[[" + Flowers.csv(Flowers.setosaRow()) + "]]"));
        assertThat(html, containsString("<strong>" + api.getString("prediction.predicted_class") + "</strong>"));
        // Another model than the default is named in the snippets' address.
        assertThat(html, containsString("api/v1/predict?model=logreg"));
    }

    @Test
    void anInvalidValueIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .accept(ContentType.HTML)
                .body(Flowers.setosaWith("petal_width", "-1"))
                .when()
                .post(RESULT)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", startsWith("petal_width must be greater than 0"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("petal_width"))
                .body("errors[0].rule", equalTo("minimum"));
        given().contentType(ContentType.JSON)
                .accept(ContentType.HTML)
                .body(Flowers.setosa())
                .when()
                .post(RESULT + "?skip_scaling=maybe")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("skip_scaling"));
        given().contentType(ContentType.JSON)
                .accept(ContentType.HTML)
                .body(Flowers.setosa())
                .when()
                .post(RESULT + "?model=gpt")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("gpt"));
    }

    @Test
    void thePageShowsTheExampleFlowersTraceBeforeAnyScriptRuns() {
        String html = widget.render().render();
        JsonPath api = ApiTraces.trace(Flowers.setosa(), "");
        assertThat(html, containsString("<strong>" + api.getString("prediction.predicted_class") + "</strong>"));
        List<Card> cards = cards(html);
        assertThat(cards, hasSize(4));
        assertThat(
                cards.get(1).value("Out"),
                equalTo("[" + ApiTraces.rounded(api.getList("stages[1].output[0]", Double.class)) + "]"));
        assertThat(html, containsString("value=\"" + Flowers.setosaRow()[0] + "\""));
        assertThat(html, containsString("data-preset=\"" + Flowers.virginica().replace("\"", "&quot;") + "\""));
    }

    @Test
    void theFragmentIsNotPartOfTheApiDocument() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(not(containsString(RESULT)));
    }

    private static Response result(String body, String query) {
        return given().contentType(ContentType.JSON)
                .accept(ContentType.HTML)
                .body(body)
                .when()
                .post(RESULT + query);
    }

    private record Card(String cssClass, String stage, String body) {

        String value(String term) {
            Matcher value = VALUE.matcher(body);
            while (value.find()) {
                if (value.group(1).equals(term)) {
                    return value.group(2).replace("&quot;", "\"");
                }
            }
            throw new AssertionError("no " + term + " on the " + stage + " card: " + body);
        }
    }

    private static List<Card> cards(String html) {
        List<Card> cards = new ArrayList<>();
        Matcher card = CARD.matcher(html);
        while (card.find()) {
            cards.add(new Card(card.group(1), card.group(2), card.group(3)));
        }
        return cards;
    }
}
