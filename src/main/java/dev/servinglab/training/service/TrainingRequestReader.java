package dev.servinglab.training.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.servinglab.model.service.Activation;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.MalformedRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the hyperparameters of a training request, field by field, so that every broken rule is reported with
 * its field: a missing field takes its default, a wrong type, a value out of range or an unknown field is a
 * violation.
 */
public final class TrainingRequestReader {

    /** The data sets a learner can train on. */
    public static final List<String> DATASETS = List.of("iris", "breast-cancer");

    private static final Set<String> FIELDS = Set.of(
            "dataset",
            "hidden_units",
            "activation",
            "learning_rate",
            "momentum",
            "weight_decay",
            "epochs",
            "batch_size",
            "validation_fraction",
            "max_train_rows",
            "patience",
            "seed",
            "pace_ms");

    private final int maxEpochs;
    private final int maxPaceMs;

    /**
     * Creates a reader with the server's limits.
     */
    public TrainingRequestReader(int maxEpochs, int maxPaceMs) {
        this.maxEpochs = maxEpochs;
        this.maxPaceMs = maxPaceMs;
    }

    /**
     * Checks a request body and returns the options it asks for.
     *
     * @throws MalformedRequestException if the body is not a JSON object
     * @throws InvalidInputException     listing every field that breaks a rule
     */
    public TrainingOptions read(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            body = JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw new InvalidInputException(
                    "$",
                    "type",
                    "must be a JSON object of hyperparameters, such as " + "{\"dataset\": \"iris\", \"epochs\": 100}");
        }
        Fields fields = new Fields(body);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                fields.violations.add(new FieldViolation(
                        name,
                        "unknown-field",
                        "is not a hyperparameter; expected "
                                + String.join(", ", FIELDS.stream().sorted().toList())));
            }
        }
        String dataset = fields.choice("dataset", "iris", DATASETS);
        String activation = fields.choice("activation", "tanh", List.of("tanh", "sigmoid", "relu"));
        int hiddenUnits = fields.integer("hidden_units", 8, 1, 256);
        double learningRate = fields.number("learning_rate", 0.05, 0, false, 1, true);
        double momentum = fields.number("momentum", 0.5, 0, true, 1, false);
        double weightDecay = fields.number("weight_decay", 0, 0, true, 0.1, true);
        int epochs = fields.integer("epochs", 100, 1, maxEpochs);
        int batchSize = fields.integer("batch_size", 8, 1, 1024);
        double validationFraction = fields.number("validation_fraction", 0.2, 0.1, true, 0.5, true);
        int maxTrainRows = fields.integer("max_train_rows", 0, 0, 100_000);
        if (maxTrainRows > 0 && maxTrainRows < 10) {
            fields.violations.add(
                    new FieldViolation("max_train_rows", "minimum", "must be 0 (every training row) or at least 10"));
        }
        int patience = fields.integer("patience", 0, 0, 1000);
        long seed = fields.whole("seed", 42);
        int paceMs = fields.integer("pace_ms", 0, 0, maxPaceMs);
        if (!fields.violations.isEmpty()) {
            throw new InvalidInputException(fields.violations);
        }
        return new TrainingOptions(
                dataset,
                hiddenUnits,
                Activation.valueOf(activation.toUpperCase(Locale.ROOT)),
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                validationFraction,
                maxTrainRows,
                patience,
                seed,
                paceMs);
    }

    /** Reads one field at a time, keeping the violations. */
    private static final class Fields {
        private final JsonNode body;
        private final List<FieldViolation> violations = new ArrayList<>();

        Fields(JsonNode body) {
            this.body = body;
        }

        /** Returns the field, or null when it is absent; a JSON null is a violation. */
        private JsonNode field(String name) {
            JsonNode value = body.get(name);
            if (value != null && value.isNull()) {
                violations.add(new FieldViolation(name, "not-null", "must not be null; leave it out for its default"));
                return null;
            }
            return value;
        }

        String choice(String name, String fallback, List<String> allowed) {
            JsonNode value = field(name);
            if (value == null) {
                return fallback;
            }
            if (!value.isTextual() || !allowed.contains(value.asText())) {
                violations.add(new FieldViolation(name, "enum", "must be one of " + String.join(", ", allowed)));
                return fallback;
            }
            return value.asText();
        }

        int integer(String name, int fallback, int min, int max) {
            JsonNode value = field(name);
            if (value == null) {
                return fallback;
            }
            if (!value.isNumber()
                    || !value.canConvertToLong()
                    || value.doubleValue() != Math.rint(value.doubleValue())) {
                violations.add(new FieldViolation(name, "type", "must be a whole number"));
                return fallback;
            }
            long number = value.asLong();
            if (number < min) {
                violations.add(new FieldViolation(name, "minimum", "must be at least " + min));
            } else if (number > max) {
                violations.add(new FieldViolation(name, "maximum", "must be at most " + max));
            }
            return (int) Math.max(min, Math.min(max, number));
        }

        long whole(String name, long fallback) {
            JsonNode value = field(name);
            if (value == null) {
                return fallback;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                violations.add(new FieldViolation(name, "type", "must be a whole number"));
                return fallback;
            }
            return value.asLong();
        }

        double number(
                String name, double fallback, double min, boolean minInclusive, double max, boolean maxInclusive) {
            JsonNode value = field(name);
            if (value == null) {
                return fallback;
            }
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                violations.add(new FieldViolation(name, "type", "must be a number"));
                return fallback;
            }
            double number = value.doubleValue();
            if (minInclusive ? number < min : number <= min) {
                violations.add(new FieldViolation(
                        name, "minimum", "must be " + (minInclusive ? "at least " : "greater than ") + plain(min)));
            } else if (maxInclusive ? number > max : number >= max) {
                violations.add(new FieldViolation(
                        name, "maximum", "must be " + (maxInclusive ? "at most " : "less than ") + plain(max)));
            }
            return number;
        }

        private static String plain(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
