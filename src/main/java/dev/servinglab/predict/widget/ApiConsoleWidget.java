package dev.servinglab.predict.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.ExampleRequests;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends any request to this server and shows exactly what a client gets back, starting from requests built on the
 * example flower: good ones, drift, and each kind of bad one. The batch, drift, invalid and tensor requests are the
 * {@link ExampleRequests} that the API documentation shows too.
 */
@ApplicationScoped
public class ApiConsoleWidget implements LessonWidget {

    private static final String JSON = "application/json";
    private static final String POST = "POST";

    /**
     * Describes one request the console offers.
     *
     * @param id          what the page calls it
     * @param label       the button's text
     * @param method      the HTTP method
     * @param path        the path on this server, with its query
     * @param contentType the body's media type
     * @param body        the body
     */
    public record Preset(String id, String label, String method, String path, String contentType, String body) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(List<Preset> presets);
    }

    private final ModelRegistry models;

    ApiConsoleWidget(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "api-console";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(presets());
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/predict/api-console.js");
    }

    /** Returns the requests the console offers, the example flower first. */
    List<Preset> presets() {
        String flower = IrisExamples.example().json();
        String predict = "/api/v1/predict";
        List<Preset> presets = new ArrayList<>();
        presets.add(new Preset("predict", "One flower", POST, predict, JSON, flower));
        anotherModel()
                .ifPresent(other -> presets.add(new Preset(
                        "another-model", "Another model", POST, predict + "?model=" + other.name(), JSON, flower)));
        presets.add(new Preset("batch", "A batch", POST, predict + "/batch", JSON, ExampleRequests.BATCH));
        presets.add(new Preset("drift", "A giant petal (drift)", POST, predict, JSON, ExampleRequests.DRIFT));
        presets.add(new Preset("invalid", "Invalid values", POST, predict, JSON, ExampleRequests.INVALID));
        // A body cut off after its first field.
        presets.add(new Preset(
                "malformed", "Broken JSON", POST, predict, JSON, flower.substring(0, flower.indexOf(',') + 1)));
        presets.add(new Preset("text", "Wrong content type", POST, predict, "text/plain", flower));
        String infer = "/v2/models/" + ModelRegistry.OIP_ALIAS + "/infer";
        presets.add(new Preset("oip", "Open Inference Protocol", POST, infer, JSON, ExampleRequests.INFERENCE));
        return presets;
    }

    private Optional<ServedModel> anotherModel() {
        String standard = models.defaultModel().name();
        return models.all().stream().filter(m -> !m.name().equals(standard)).findFirst();
    }
}
