package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.Activation;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class TrainingRequestReaderTest {

    private final TrainingRequestReader reader = new TrainingRequestReader(500, 1000);
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
        FieldViolation epochs = e.violations().stream()
                .filter(v -> v.field().equals("epochs"))
                .findFirst()
                .orElseThrow();
        assertThat(epochs.message(), equalTo("must be at most 500"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        JsonNode array = json.createArrayNode();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(array));
        assertThat(e.violations().getFirst().field(), equalTo("$"));
    }
}
