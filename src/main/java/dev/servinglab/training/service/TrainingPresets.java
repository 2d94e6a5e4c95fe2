package dev.servinglab.training.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.ModelConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the training presets: shown as examples in Swagger UI and offered by the training page. Each fixed preset is
 * a request body that names only what differs from the {@link Hyperparameter} defaults, so that both show exactly
 * the same run and no default is written twice; the built-in model's preset is read from the app's configuration
 * ({@link #builtIn}), so that it trains the very model the lessons describe.
 */
public final class TrainingPresets {

    /** Every field left out: the server's defaults, on iris (Swagger UI's first example). */
    public static final String STANDARD = "{\"dataset\":\"iris\"}";

    private static final String SMALL_DATA_LARGE_NETWORK = "\"hidden_units\":256,\"learning_rate\":0.02,"
            + "\"momentum\":0.9,\"epochs\":200,\"batch_size\":4,\"validation_fraction\":0.3,\"max_train_rows\":12";

    /**
     * Small data (12 training flowers), a large network and many epochs: validation loss turns and rises while
     * training loss falls towards zero.
     */
    public static final String OVERFITTING = "{" + SMALL_DATA_LARGE_NETWORK + "}";

    /** The overfitting run again, stopped early when validation loss stops improving. */
    public static final String EARLY_STOPPING = "{" + SMALL_DATA_LARGE_NETWORK + ",\"patience\":30}";

    /** The standard run on the breast cancer data: 30 features, two classes. */
    public static final String BREAST_CANCER = "{\"dataset\":\"breast-cancer\",\"hidden_units\":16}";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Names a preset for the training page.
     *
     * @param name  its short name
     * @param label its button's text
     * @param body  the request body it stands for
     */
    public record Preset(String name, String label, String body) {

        /**
         * Returns every hyperparameter that shapes the model, by name: the preset's value or else the default. How
         * fast the page shows a run is left out, so that a preset leaves the learner's pace alone.
         */
        public Map<String, Object> values() {
            Map<String, Object> set;
            try {
                set = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("preset " + name + " is not JSON", e);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Hyperparameter hyperparameter : Hyperparameter.values()) {
                if (hyperparameter.group().shapesTheModel()) {
                    values.put(
                            hyperparameter.jsonName(),
                            set.getOrDefault(
                                    hyperparameter.jsonName(),
                                    hyperparameter.domain().defaultValue()));
                }
            }
            return values;
        }
    }

    /** The presets that do not depend on the configuration, in the order the training page offers them. */
    public static final List<Preset> FIXED = List.of(
            new Preset("overfitting", "Overfitting", OVERFITTING),
            new Preset("early-stopping", "Early stopping", EARLY_STOPPING),
            new Preset("breast-cancer", "Breast cancer", BREAST_CANCER));

    /**
     * Returns the request that trains the built-in MLP again, as this app is configured: its data set, split and
     * seed, network and optimiser. The lab then uses the same splitter, scaler and trainer as the startup run.
     */
    public static String builtIn(ModelConfig model) {
        ModelConfig.Mlp mlp = model.mlp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Hyperparameter.DATASET.jsonName(), "iris");
        body.put(Hyperparameter.VALIDATION_FRACTION.jsonName(), model.validationFraction());
        body.put(Hyperparameter.SEED.jsonName(), model.seed());
        body.put(Hyperparameter.HIDDEN_UNITS.jsonName(), mlp.hiddenUnits());
        body.put(Hyperparameter.ACTIVATION.jsonName(), mlp.activation());
        body.put(Hyperparameter.LEARNING_RATE.jsonName(), mlp.learningRate());
        body.put(Hyperparameter.MOMENTUM.jsonName(), mlp.momentum());
        body.put(Hyperparameter.WEIGHT_DECAY.jsonName(), mlp.weightDecay());
        body.put(Hyperparameter.BATCH_SIZE.jsonName(), mlp.batchSize());
        body.put(Hyperparameter.EPOCHS.jsonName(), mlp.epochs());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the built-in model's run cannot be written as JSON", e);
        }
    }

    /** Returns the presets the training page offers, in order: the built-in model's run first. */
    public static List<Preset> all(ModelConfig model) {
        List<Preset> all = new ArrayList<>();
        all.add(new Preset("built-in", "Built-in model", builtIn(model)));
        all.addAll(FIXED);
        return List.copyOf(all);
    }

    private TrainingPresets() {}
}
