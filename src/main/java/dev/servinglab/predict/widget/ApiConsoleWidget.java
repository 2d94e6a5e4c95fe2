package dev.servinglab.predict.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sends any request to this server and shows exactly what a client gets back, starting from requests built on the
 * example flower: good ones, drift, and each kind of bad one.
 */
@ApplicationScoped
public class ApiConsoleWidget implements LessonWidget {

    /** A petal length far beyond any flower seen in training, in the data set's unit. */
    private static final double GIANT_PETAL = 12.0;

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
    private final ObjectMapper json;

    ApiConsoleWidget(ModelRegistry models, ObjectMapper json) {
        this.models = models;
        this.json = json;
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
        String batch = "{\"instances\":[" + String.join(",", flower, IrisExamples.VIRGINICA) + "]}";
        presets.add(new Preset("batch", "A batch", POST, predict + "/batch", JSON, batch));
        ObjectNode drift = exampleFlower().put("petal_length", GIANT_PETAL);
        presets.add(new Preset("drift", "A giant petal (drift)", POST, predict, JSON, write(drift)));
        ObjectNode invalid = exampleFlower().put("sepal_length", -1).put("sepal_width", "wide");
        invalid.remove("petal_width");
        invalid.put("colour", "blue");
        presets.add(new Preset("invalid", "Invalid values", POST, predict, JSON, write(invalid)));
        // A body cut off after its first field.
        presets.add(new Preset(
                "malformed", "Broken JSON", POST, predict, JSON, flower.substring(0, flower.indexOf(',') + 1)));
        presets.add(new Preset("text", "Wrong content type", POST, predict, "text/plain", flower));
        double[] row = IrisExamples.example().features();
        String tensor = "{\"id\":\"1\",\"inputs\":[{\"name\":\"features\",\"shape\":[1," + row.length
                + "],\"datatype\":\"FP32\",\"data\":" + Arrays.toString(row).replace(" ", "") + "}]}";
        String infer = "/v2/models/" + ModelRegistry.OIP_ALIAS + "/infer";
        presets.add(new Preset("oip", "Open Inference Protocol", POST, infer, JSON, tensor));
        return presets;
    }

    private Optional<ServedModel> anotherModel() {
        String standard = models.defaultModel().name();
        return models.all().stream().filter(m -> !m.name().equals(standard)).findFirst();
    }

    private ObjectNode exampleFlower() {
        try {
            return (ObjectNode) json.readTree(IrisExamples.example().json());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
