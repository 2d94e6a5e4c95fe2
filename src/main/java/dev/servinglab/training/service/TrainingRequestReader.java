package dev.servinglab.training.service;

import static dev.servinglab.training.service.Hyperparameter.ACTIVATION;
import static dev.servinglab.training.service.Hyperparameter.BATCH_SIZE;
import static dev.servinglab.training.service.Hyperparameter.DATASET;
import static dev.servinglab.training.service.Hyperparameter.EPOCHS;
import static dev.servinglab.training.service.Hyperparameter.HIDDEN_UNITS;
import static dev.servinglab.training.service.Hyperparameter.LEARNING_RATE;
import static dev.servinglab.training.service.Hyperparameter.MAX_TRAIN_ROWS;
import static dev.servinglab.training.service.Hyperparameter.MOMENTUM;
import static dev.servinglab.training.service.Hyperparameter.PACE_MS;
import static dev.servinglab.training.service.Hyperparameter.PATIENCE;
import static dev.servinglab.training.service.Hyperparameter.SEED;
import static dev.servinglab.training.service.Hyperparameter.VALIDATION_FRACTION;
import static dev.servinglab.training.service.Hyperparameter.WEIGHT_DECAY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.model.service.Activation;
import dev.servinglab.web.format.Numbers;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.MalformedRequestException;
import dev.servinglab.web.problem.Violations;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the hyperparameters of a training request, field by field against their {@link Hyperparameter}
 * definitions, so that every broken rule is reported with its field: a missing field takes its default, a wrong
 * type, a value out of range or an unknown field is a violation.
 */
public final class TrainingRequestReader {

    /** Lists more violations than any body can have without being absurd, and bounds the answer to one that is. */
    private static final int MAX_REPORTED = 50;

    private static final Set<String> NAMES =
            Arrays.stream(Hyperparameter.values()).map(Hyperparameter::jsonName).collect(Collectors.toSet());

    private final Hyperparameter.Limits limits;

    /**
     * Creates a reader with the server's limits.
     */
    public TrainingRequestReader(Hyperparameter.Limits limits) {
        this.limits = limits;
    }

    /**
     * Checks a request body and returns the options it asks for; no body at all asks for every default.
     *
     * @throws MalformedRequestException if the body is not a JSON object
     * @throws InvalidInputException     listing every field that breaks a rule
     */
    public TrainingOptions read(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return readFields(null);
        }
        if (!body.isObject()) {
            throw new InvalidInputException(
                    "$",
                    "type",
                    "must be a JSON object of hyperparameters, such as {\"dataset\": \"iris\", \"epochs\": 100}");
        }
        return readFields(body);
    }

    private TrainingOptions readFields(JsonNode body) {
        Violations violations = new Violations(MAX_REPORTED);
        Map<Hyperparameter, Object> values = new EnumMap<>(Hyperparameter.class);
        for (Hyperparameter hyperparameter : Hyperparameter.values()) {
            JsonNode value = body == null ? null : body.get(hyperparameter.jsonName());
            values.put(hyperparameter, new Field(hyperparameter, limits, violations).read(value));
        }
        if (body != null) {
            for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!NAMES.contains(name)) {
                    violations.add(
                            name,
                            "unknown-field",
                            "is not a hyperparameter; expected "
                                    + String.join(", ", NAMES.stream().sorted().toList()));
                }
            }
        }
        violations.throwIfAny();
        return new TrainingOptions(
                (String) values.get(DATASET),
                (Integer) values.get(HIDDEN_UNITS),
                Activation.valueOf(((String) values.get(ACTIVATION)).toUpperCase(Locale.ROOT)),
                (Double) values.get(LEARNING_RATE),
                (Double) values.get(MOMENTUM),
                (Double) values.get(WEIGHT_DECAY),
                (Integer) values.get(EPOCHS),
                (Integer) values.get(BATCH_SIZE),
                (Double) values.get(VALIDATION_FRACTION),
                (Integer) values.get(MAX_TRAIN_ROWS),
                (Integer) values.get(PATIENCE),
                (Long) values.get(SEED),
                (Integer) values.get(PACE_MS));
    }

    /**
     * Reads one field: its value in the type its definition says, or its default when it is absent or broken (the
     * violation is recorded, and the request refused once every field has been read).
     */
    private record Field(Hyperparameter hyperparameter, Hyperparameter.Limits limits, Violations violations) {

        Object read(JsonNode value) {
            Hyperparameter.Domain domain = hyperparameter.domain();
            if (value == null) {
                return domain.defaultValue();
            }
            if (value.isNull()) {
                return refuse("not-null", "must not be null; leave it out for its default");
            }
            return switch (domain.kind()) {
                case CHOICE -> choice(value, domain);
                case INTEGER -> integer(value, domain);
                case NUMBER -> number(value, domain);
                case SEED -> seed(value, domain);
            };
        }

        private Object choice(JsonNode value, Hyperparameter.Domain domain) {
            if (!value.isTextual() || !domain.choiceValues().contains(value.asText())) {
                return refuse("enum", "must be one of " + String.join(", ", domain.choiceValues()));
            }
            return value.asText();
        }

        private Object integer(JsonNode value, Hyperparameter.Domain domain) {
            if (!value.isNumber()
                    || !value.canConvertToLong()
                    || value.doubleValue() != Math.rint(value.doubleValue())) {
                return refuse("type", "must be a whole number");
            }
            long number = value.asLong();
            if (!inRange(number, domain)) {
                return domain.defaultValue();
            }
            if (number > 0 && number < domain.zeroOrAtLeast()) {
                return refuse("minimum", "must be 0 or at least " + domain.zeroOrAtLeast());
            }
            return (int) number;
        }

        private Object number(JsonNode value, Hyperparameter.Domain domain) {
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                return refuse("type", "must be a number");
            }
            double number = value.doubleValue();
            return inRange(number, domain) ? number : domain.defaultValue();
        }

        private Object seed(JsonNode value, Hyperparameter.Domain domain) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                return refuse("type", "must be a whole number");
            }
            return value.asLong();
        }

        /** Tells whether the number is within the bounds, recording the one it breaks if not. */
        private boolean inRange(double number, Hyperparameter.Domain domain) {
            Hyperparameter.Bound min = domain.min();
            Hyperparameter.Bound max = domain.max();
            double low = min.value(limits);
            double high = max.value(limits);
            if (min.inclusive() ? number < low : number <= low) {
                refuse("minimum", "must be " + (min.inclusive() ? "at least " : "greater than ") + Numbers.plain(low));
                return false;
            }
            if (max.inclusive() ? number > high : number >= high) {
                refuse("maximum", "must be " + (max.inclusive() ? "at most " : "less than ") + Numbers.plain(high));
                return false;
            }
            return true;
        }

        private Object refuse(String rule, String message) {
            violations.add(hyperparameter.jsonName(), rule, message);
            return hyperparameter.domain().defaultValue();
        }
    }
}
