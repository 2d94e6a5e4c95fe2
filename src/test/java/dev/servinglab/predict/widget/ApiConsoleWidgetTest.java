package dev.servinglab.predict.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.testsupport.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that every request the API console offers gets the answer its button promises.
 */
@QuarkusTest
class ApiConsoleWidgetTest {

    @Inject
    ApiConsoleWidget console;

    @Inject
    ModelRegistry models;

    @Test
    void everyPresetGetsTheAnswerItsButtonPromises() {
        Map<String, Integer> promised = Map.of(
                "predict", 200,
                "another-model", 200,
                "batch", 200,
                "drift", 200,
                "invalid", 422,
                "malformed", 400,
                "text", 415,
                "oip", 200);
        assertThat(
                console.presets().stream().map(ApiConsoleWidget.Preset::id).toList(),
                containsInAnyOrder(promised.keySet().toArray()));
        for (ApiConsoleWidget.Preset preset : console.presets()) {
            Response answer = given().contentType(preset.contentType())
                    .body(preset.body())
                    .request(preset.method(), preset.path());
            assertThat(preset.id(), answer.statusCode(), equalTo(promised.get(preset.id())));
            switch (preset.id()) {
                case "another-model" -> assertThat(answer.jsonPath().getString("model"), equalTo(otherModel()));
                case "drift" -> assertThat(answer.jsonPath().getString("warnings[0].feature"), equalTo("petal_length"));
                case "batch" ->
                    assertThat(answer.jsonPath().getList("predictions").size(), equalTo(2));
                case "invalid" -> assertThat(answer.asString(), containsString("colour"));
                default -> {}
            }
        }
    }

    @Test
    void theConsoleSendsTheRequestsTheApiDocumentationShows() {
        JsonPath openapi = OpenApiDocument.fetch();
        Map<String, String> documentedAt = Map.of(
                "batch", "/api/v1/predict/batch",
                "drift", "/api/v1/predict",
                "invalid", "/api/v1/predict",
                "oip", "/v2/models/{model}/infer");
        documentedAt.forEach((id, path) -> {
            Map<String, Map<String, Object>> examples =
                    openapi.getMap("paths.'" + path + "'.post.requestBody.content.'application/json'.examples");
            List<Object> shown = examples.values().stream()
                    .map(example -> example.get("value"))
                    .toList();
            Object sent = JsonPath.from(preset(id).body()).get("");
            assertThat(id, shown, hasItem(sent));
        });
    }

    @Test
    void thePageOffersTheExampleFlowerFirst() {
        String html = console.render().render();
        assertThat(html, containsString("data-console-preset=\"predict\""));
        assertThat(
                html,
                containsString(">" + console.presets().getFirst().body().replace("\"", "&quot;") + "</textarea>"));
    }

    private ApiConsoleWidget.Preset preset(String id) {
        return console.presets().stream()
                .filter(preset -> preset.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private String otherModel() {
        return models.all().stream()
                .map(m -> m.name())
                .filter(name -> !name.equals(models.defaultModel().name()))
                .findFirst()
                .orElseThrow();
    }
}
