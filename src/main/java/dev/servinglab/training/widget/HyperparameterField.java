package dev.servinglab.training.widget;

import dev.servinglab.training.service.Hyperparameter;
import dev.servinglab.web.format.Numbers;
import java.util.List;
import java.util.Locale;

/**
 * Shows one {@link Hyperparameter} as an input of the training lab's form: the page script reads the field's name
 * and kind from its {@code data-} attributes, so it lists no field itself.
 *
 * @param id      the input's id: {@code train-hidden-units}
 * @param name    the name a request gives it: {@code hidden_units}
 * @param label   its label
 * @param kind    {@code choice}, {@code integer}, {@code number} or {@code seed}: how the script sends its value
 * @param choices the options of a choice, else empty
 * @param value   the value the form starts with
 * @param min     the input's {@code min}, or null: only an inclusive bound, as HTML reads it
 * @param max     the input's {@code max}, or null: likewise
 * @param step    the input's {@code step}
 * @param help    what it does and the values it takes
 * @param wide    whether it takes two columns (a choice with long labels)
 */
public record HyperparameterField(
        String id,
        String name,
        String label,
        String kind,
        List<Hyperparameter.Choice> choices,
        String value,
        String min,
        String max,
        String step,
        String help,
        boolean wide) {

    /**
     * Shows a hyperparameter with this server's limits.
     *
     * @param value   the value the form starts with
     * @param choices its options as the form labels them, else empty
     */
    static HyperparameterField of(
            Hyperparameter hyperparameter,
            Hyperparameter.Limits limits,
            Object value,
            List<Hyperparameter.Choice> choices) {
        Hyperparameter.Domain domain = hyperparameter.domain();
        return new HyperparameterField(
                "train-" + hyperparameter.jsonName().replace('_', '-'),
                hyperparameter.jsonName(),
                hyperparameter.label(),
                domain.kind().name().toLowerCase(Locale.ROOT),
                choices,
                value instanceof Number number ? Numbers.plain(number.doubleValue()) : String.valueOf(value),
                inclusive(domain.min(), limits),
                inclusive(domain.max(), limits),
                domain.step() > 0 ? Numbers.plain(domain.step()) : "any",
                hyperparameter.description(limits),
                hyperparameter == Hyperparameter.DATASET);
    }

    /** Tells whether the form shows it as a list to choose from. */
    public boolean isChoice() {
        return !choices.isEmpty();
    }

    private static String inclusive(Hyperparameter.Bound bound, Hyperparameter.Limits limits) {
        return bound != null && bound.inclusive() ? Numbers.plain(bound.value(limits)) : null;
    }

    /**
     * Holds a part of the form.
     *
     * @param legend the part's title
     * @param fields its inputs, in order
     */
    public record Group(String legend, List<HyperparameterField> fields) {}
}
