package dev.servinglab.predict.rollout.widget;

import java.util.List;
import java.util.Map;

/**
 * Names a way the drift lab changes the iris flowers before it sends them, so that the drift it causes is known.
 *
 * @param name        its short name
 * @param label       its option's text
 * @param add         centimetres added to features, by feature
 * @param multiply    factors features are multiplied by, by feature
 * @param minimum     only flowers with at least this value of a feature are sent, by feature
 */
public record DriftPreset(
        String name, String label, Map<String, Double> add, Map<String, Double> multiply, Map<String, Double> minimum) {

    /** The presets the lab offers, the unchanged flowers first. */
    public static final List<DriftPreset> ALL = List.of(
            new DriftPreset("as-trained", "As they are: the iris flowers, unchanged", Map.of(), Map.of(), Map.of()),
            new DriftPreset(
                    "longer-petals",
                    "Data drift: every petal 1 cm longer",
                    Map.of("petal_length", 1.0),
                    Map.of(),
                    Map.of()),
            new DriftPreset(
                    "large-flowers",
                    "A new mix: only flowers with petals of 4.5 cm or more",
                    Map.of(),
                    Map.of(),
                    Map.of("petal_length", 4.5)),
            new DriftPreset(
                    "millimetres",
                    "Skew: a client sends petal width in millimetres",
                    Map.of(),
                    Map.of("petal_width", 10.0),
                    Map.of()));
}
