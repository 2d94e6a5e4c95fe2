package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.model.service.ModelRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
    void aSentenceStartsWithACapitalAndKeepsTheRest() {
        assertThat(
                TrainingHistoryWidget.sentence("early stop: validation_loss flat"),
                equalTo("Early stop: validation_loss flat"));
        assertThat(TrainingHistoryWidget.sentence(""), equalTo(""));
    }
}
