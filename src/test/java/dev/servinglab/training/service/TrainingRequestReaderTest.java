package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.Activation;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class TrainingRequestReaderTest {

    private final TrainingRequestReader reader = new TrainingRequestReader(new Hyperparameter.Limits(500, 1000));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anEmptyBodyTakesEveryDefault() throws Exception {
        TrainingOptions options = reader.read(json.readTree("{}"));
        assertThat(
                options,
                equalTo(new TrainingOptions("iris", 8, Activation.TANH, 0.05, 0.5, 0, 100, 8, 0.2, 0, 0, 42, 0)));
        assertThat(reader.read(null), equalTo(options));
    }

    @Test
    void readsEveryField() throws Exception {
        TrainingOptions options = reader.read(json.readTree("{\"dataset\":\"breast-cancer\",\"hidden_units\":32,"
                + "\"activation\":\"relu\",\"learning_rate\":0.1,\"momentum\":0.9,\"weight_decay\":0.001,"
                + "\"epochs\":300,\"batch_size\":16,\"validation_fraction\":0.25,\"max_train_rows\":50,"
                + "\"patience\":7,\"seed\":7,\"pace_ms\":20}"));
        assertThat(
                options,
                equalTo(new TrainingOptions(
                        "breast-cancer", 32, Activation.RELU, 0.1, 0.9, 0.001, 300, 16, 0.25, 50, 7, 7, 20)));
    }

    @Test
    void namesEveryFieldAndRuleBroken() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> reader.read(json.readTree(
                        "{\"dataset\":\"mnist\",\"hidden_units\":0,\"activation\":\"softmax\",\"learning_rate\":0,"
                                + "\"momentum\":1,\"weight_decay\":\"none\",\"epochs\":501,\"batch_size\":2.5,"
                                + "\"validation_fraction\":0.05,\"max_train_rows\":3,\"patience\":-1,\"seed\":1.5,"
                                + "\"pace_ms\":null,\"colour\":\"red\"}")));
        assertThat(
                e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList(),
                containsInAnyOrder(
                        "dataset:enum",
                        "hidden_units:minimum",
                        "activation:enum",
                        "learning_rate:minimum",
                        "momentum:maximum",
                        "weight_decay:type",
                        "epochs:maximum",
                        "batch_size:type",
                        "validation_fraction:minimum",
                        "max_train_rows:minimum",
                        "patience:minimum",
                        "seed:type",
                        "pace_ms:not-null",
                        "colour:unknown-field"));
        assertThat(message(e, "epochs"), equalTo("must be at most 500"));
        assertThat(message(e, "learning_rate"), equalTo("must be greater than 0"));
        assertThat(message(e, "momentum"), equalTo("must be less than 1"));
        assertThat(message(e, "max_train_rows"), equalTo("must be 0 or at least 10"));
        assertThat(message(e, "pace_ms"), equalTo("must not be null; leave it out for its default"));
        assertThat(message(e, "colour"), startsWith("is not a hyperparameter; expected activation, batch_size"));
    }

    @Test
    void theLimitsOfTheServerBoundEpochsAndPace() throws Exception {
        TrainingRequestReader strict = new TrainingRequestReader(new Hyperparameter.Limits(50, 100));
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> strict.read(json.readTree("{\"epochs\":51,\"pace_ms\":101}")));
        assertThat(message(e, "epochs"), equalTo("must be at most 50"));
        assertThat(message(e, "pace_ms"), equalTo("must be at most 100"));
        assertThat(strict.read(json.readTree("{\"epochs\":50,\"pace_ms\":100}")).epochs(), equalTo(50));
    }

    @Test
    void everyPresetIsAValidRequest() throws Exception {
        for (TrainingPresets.Preset preset : TrainingPresets.FIXED) {
            TrainingOptions options = reader.read(json.readTree(preset.body()));
            // The form's values of a preset are the same run: every default, then what the preset sets.
            TrainingOptions filled = reader.read(json.valueToTree(preset.values()));
            assertThat(preset.name(), filled, equalTo(options));
        }
        assertThat(TrainingPresets.FIXED.getFirst().values().get("hidden_units"), equalTo(256));
        assertThat(TrainingPresets.FIXED.getFirst().values().get("max_train_rows"), equalTo(12));
        assertThat(TrainingPresets.FIXED.getFirst().values().containsKey("pace_ms"), equalTo(false));
    }

    private static String message(InvalidInputException e, String field) {
        return e.violations().stream()
                .filter(v -> v.field().equals(field))
                .map(FieldViolation::message)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no violation of " + field + ": " + e.violations()));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        JsonNode array = json.createArrayNode();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(array));
        assertThat(e.violations().getFirst().field(), equalTo("$"));
    }
}
