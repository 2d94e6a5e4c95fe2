package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.training.service.CurveCommentary;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingHistoryWidgetTest {

    @Inject
    ModelRegistry models;

    @Test
    void theHistoryOpensWithWhyTrainingStoppedAsASentence() {
        String reason = models.defaultModel().stopReason();
        String page = given().when()
                .get("/lessons/07-watching-a-model-train")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(
                page,
                containsString("<p>" + Character.toUpperCase(reason.charAt(0)) + reason.substring(1)
                        + ". Loss is the mean cross-entropy"));
    }

    @Test
    void everyRowCarriesWhatTheCommentaryReadsOffTheServedRun() {
        List<EpochMetrics> history = models.defaultModel().history();
        String page = given().when()
                .get("/lessons/07-watching-a-model-train")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> shown = new ArrayList<>();
        Matcher cell = Pattern.compile("<td data-observation>(.*?)</td>", Pattern.DOTALL)
                .matcher(page);
        while (cell.find()) {
            shown.add(cell.group(1).replace("&#39;", "'").replace("&amp;", "&"));
        }
        List<String> expected = CurveCommentary.observations(history).stream()
                .map(observation -> observation == null ? "" : observation)
                .toList();
        assertThat(shown, equalTo(expected));
        // The first epoch always gets the starting point, so the column can never be empty by mistake.
        assertThat(shown.getFirst(), startsWith("Starting point: training loss "));
    }

    @Test
    void theCommentaryOfAWholeCurveIsTheOneOfTheCurveFedEpochByEpoch() {
        List<EpochMetrics> history = models.defaultModel().history();
        CurveCommentary live = new CurveCommentary();
        List<String> fed = new ArrayList<>();
        history.forEach(epoch -> fed.add(live.observe(epoch)));
        assertThat(CurveCommentary.observations(history), equalTo(fed));
    }

    @Test
    void aSentenceStartsWithACapitalAndKeepsTheRest() {
        assertThat(
                TrainingHistoryWidget.sentence("early stop: validation_loss flat"),
                equalTo("Early stop: validation_loss flat"));
        assertThat(TrainingHistoryWidget.sentence(""), equalTo(""));
    }
}
