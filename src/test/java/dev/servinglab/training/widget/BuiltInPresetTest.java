package dev.servinglab.training.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.training.Trainings;
import dev.servinglab.training.service.TrainingPresets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lesson 7 says the lab's "Built-in model" preset trains the served MLP again: its table must be the history table
 * of the model card, epoch for epoch.
 */
@QuarkusTest
class BuiltInPresetTest {

    @Inject
    ModelConfig model;

    @Test
    void theBuiltInPresetReproducesTheServedModelsRun() {
        JsonPath card = given().when()
                .get("/api/v1/models/mlp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> hyperparameters = card.getMap("hyperparameters");
        String body = TrainingPresets.builtIn(model);
        JsonPath preset = JsonPath.from(body);
        assertThat(preset.getInt("hidden_units"), equalTo(((List<?>) hyperparameters.get("layers")).get(1)));
        assertThat(preset.getInt("epochs"), equalTo(hyperparameters.get("epochs")));
        assertThat(preset.getInt("batch_size"), equalTo(hyperparameters.get("batch_size")));
        assertThat(preset.getString("activation"), equalTo(hyperparameters.get("activation")));

        JsonPath run = Trainings.awaitEnd(Trainings.start(body));
        List<Map<String, Object>> served = card.getList("history");
        List<Map<String, Object>> trained = run.getList("history");
        assertThat(trained.size(), equalTo(served.size()));
        for (String column : List.of("train_loss", "validation_loss", "train_accuracy", "validation_accuracy")) {
            assertThat(
                    column,
                    trained.getLast().get(column),
                    equalTo(served.getLast().get(column)));
            assertThat(
                    column,
                    trained.getFirst().get(column),
                    equalTo(served.getFirst().get(column)));
        }
    }
}
