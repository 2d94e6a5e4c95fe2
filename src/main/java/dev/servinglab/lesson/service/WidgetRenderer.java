package dev.servinglab.lesson.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.servinglab.evaluation.service.LeakageLab;
import dev.servinglab.evaluation.service.ParadoxLab;
import dev.servinglab.evaluation.service.ThresholdLab;
import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.FeatureRange;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.TraceResponse;
import dev.servinglab.training.config.TrainingConfig;
import dev.servinglab.training.service.TrainingPresets;

/**
 * Renders the interactive widgets lessons embed with {@code {{widget NAME}}}. Each one is complete HTML made
 * from the running model, so that it shows real numbers before any script runs; the scripts then make it
 * interactive.
 */
@ApplicationScoped
public class WidgetRenderer {

    /** The widgets a lesson can embed. */
    public static final Set<String> NAMES = Set.of("trace-lab", "api-console", "latency-lab",
            "test-confusion-matrix", "training-history", "threshold-lab", "paradox-lab", "leakage-lab",
            "training-lab");

    /** The preset flowers of the trace lab: one of each species, taken from the data set. */
    public static final List<Preset> PRESETS = List.of(
            new Preset("setosa", new double[] {5.1, 3.5, 1.4, 0.2}),
            new Preset("versicolor", new double[] {5.9, 3.0, 4.2, 1.5}),
            new Preset("virginica", new double[] {6.7, 3.0, 5.2, 2.3}));

    /**
     * Names a preset flower and its four measurements.
     */
    public record Preset(String species, double[] features) {
    }

    /**
     * Describes one measurement control of the trace lab: a number field and a slider.
     *
     * @param name        the feature's JSON name
     * @param value       the starting value (the example flower's)
     * @param sliderMax   the slider's upper end, beyond the training range so that drift can be tried
     * @param range       the range seen in training
     */
    public record FeatureInput(String name, double value, double sliderMax, FeatureRange range) {
    }

    @CheckedTemplate(basePath = "widgets")
    static class Templates {
        static native TemplateInstance traceLab(TraceResponse trace, List<FeatureInput> inputs,
                List<Preset> presets, List<ServedModel> models);

        static native TemplateInstance apiConsole(String example);

        static native TemplateInstance latencyLab(String example);

        static native TemplateInstance testConfusionMatrix(ServedModel model, Evaluation test);

        static native TemplateInstance trainingHistory(ServedModel model, List<EpochMetrics> history);

        static native TemplateInstance leakageLab(List<LeakageLab.Case> cases);

        static native TemplateInstance paradoxLab(ParadoxLab.Result result, List<ParadoxLab.Judged> judges);

        static native TemplateInstance trainingLab(List<TrainingPresets.Preset> presets, TrainingConfig limits,
                Map<String, Object> defaults);

        static native TemplateInstance thresholdLab(ThresholdLab.View view, List<String> datasets,
                List<ThresholdLab.Challenge> challenges);
    }

    private final ModelRegistry models;
    private final LiveValues live;
    private final ThresholdLab thresholds;
    private final ParadoxLab paradox;
    private final LeakageLab leakage;
    private final TrainingConfig training;

    WidgetRenderer(ModelRegistry models, LiveValues live, ThresholdLab thresholds, ParadoxLab paradox,
            LeakageLab leakage, TrainingConfig training) {
        this.leakage = leakage;
        this.training = training;
        this.models = models;
        this.live = live;
        this.thresholds = thresholds;
        this.paradox = paradox;
    }

    /**
     * Renders every widget, by name.
     */
    public Map<String, String> renderAll() {
        Map<String, String> html = new HashMap<>();
        for (String name : NAMES) {
            html.put(name, render(name));
        }
        return html;
    }

    /**
     * Renders a widget by name.
     *
     * @throws IllegalArgumentException for a name not in {@link #NAMES}
     */
    private String render(String name) {
        ServedModel model = models.defaultModel();
        TemplateInstance widget = switch (name) {
            case "trace-lab" -> Templates.traceLab(live.exampleTrace(), inputs(model), PRESETS,
                    List.copyOf(models.all()));
            case "api-console" -> Templates.apiConsole(LiveValues.EXAMPLE_FLOWER);
            case "latency-lab" -> Templates.latencyLab(LiveValues.EXAMPLE_FLOWER);
            case "test-confusion-matrix" -> Templates.testConfusionMatrix(model, model.test());
            case "training-history" -> Templates.trainingHistory(model, model.history());
            case "leakage-lab" -> Templates.leakageLab(leakage.cases());
            case "paradox-lab" -> Templates.paradoxLab(paradox.result(),
                    List.of(paradox.result().alwaysNegative(), paradox.result().model()));
            case "training-lab" -> Templates.trainingLab(TrainingPresets.ALL, training,
                    TrainingPresets.ALL.getFirst().values());
            case "threshold-lab" -> Templates.thresholdLab(
                    thresholds.view(ThresholdLab.DATASETS.getFirst(), 0.5).orElseThrow(), ThresholdLab.DATASETS,
                    challengesInOrder());
            default -> throw new IllegalArgumentException("unknown widget " + name);
        };
        return widget.render();
    }

    private static List<FeatureInput> inputs(ServedModel model) {
        double[] example = PRESETS.getFirst().features();
        List<FeatureInput> inputs = new ArrayList<>();
        for (int j = 0; j < model.ranges().size(); j++) {
            FeatureRange range = model.ranges().get(j);
            double sliderMax = Math.ceil(range.max() * 1.5);
            inputs.add(new FeatureInput(range.feature(), example[j], sliderMax, range));
        }
        return inputs;
    }

    /** Returns the lab's goals in the order of its data sets, the first shown first. */
    private static List<ThresholdLab.Challenge> challengesInOrder() {
        return ThresholdLab.DATASETS.stream().flatMap(d -> ThresholdLab.CHALLENGES.stream()
                .filter(c -> c.dataset().equals(d))).toList();
    }
}
