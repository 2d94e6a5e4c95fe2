package dev.servinglab.training.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the training presets: shown as examples in Swagger UI and offered by the training page. Each is a
 * request body, so that both show exactly the same hyperparameters.
 */
public final class TrainingPresets {

    /** The built-in MLP's hyperparameters, for 100 epochs. */
    public static final String STANDARD = "{\"dataset\":\"iris\",\"hidden_units\":8,\"activation\":\"tanh\","
            + "\"learning_rate\":0.05,\"momentum\":0.5,\"weight_decay\":0,\"epochs\":100,\"batch_size\":8,"
            + "\"validation_fraction\":0.2,\"max_train_rows\":0,\"patience\":0,\"seed\":42,\"pace_ms\":0}";

    /**
     * Small data (12 training flowers), a large network and many epochs: validation loss turns and rises while
     * training loss falls towards zero.
     */
    public static final String OVERFITTING = "{\"dataset\":\"iris\",\"hidden_units\":256,\"activation\":\"tanh\","
            + "\"learning_rate\":0.02,\"momentum\":0.9,\"weight_decay\":0,\"epochs\":200,\"batch_size\":4,"
            + "\"validation_fraction\":0.3,\"max_train_rows\":12,\"patience\":0,\"seed\":42,\"pace_ms\":0}";

    /** The overfitting run again, stopped early when validation loss stops improving. */
    public static final String EARLY_STOPPING = "{\"dataset\":\"iris\",\"hidden_units\":256,\"activation\":\"tanh\","
            + "\"learning_rate\":0.02,\"momentum\":0.9,\"weight_decay\":0,\"epochs\":200,\"batch_size\":4,"
            + "\"validation_fraction\":0.3,\"max_train_rows\":12,\"patience\":30,\"seed\":42,\"pace_ms\":0}";

    /** The standard run on the breast cancer data: 30 features, two classes. */
    public static final String BREAST_CANCER = "{\"dataset\":\"breast-cancer\",\"hidden_units\":16,"
            + "\"activation\":\"tanh\",\"learning_rate\":0.05,\"momentum\":0.5,\"weight_decay\":0,\"epochs\":100,"
            + "\"batch_size\":8,\"validation_fraction\":0.2,\"max_train_rows\":0,\"patience\":0,\"seed\":42,"
            + "\"pace_ms\":0}";

    /**
     * Names a preset for the training page.
     *
     * @param name  its short name
     * @param label its button's text
     * @param body  the request body it fills the form with
     */
    public record Preset(String name, String label, String body) {

        /** Returns the preset's hyperparameters by field name. */
        public Map<String, Object> values() {
            try {
                return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("preset " + name + " is not JSON", e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The presets the training page offers, in order. */
    public static final List<Preset> ALL = List.of(
            new Preset("standard", "Standard run", STANDARD),
            new Preset("overfitting", "Overfitting", OVERFITTING),
            new Preset("early-stopping", "Early stopping", EARLY_STOPPING),
            new Preset("breast-cancer", "Breast cancer", BREAST_CANCER));

    private TrainingPresets() {}
}
