package dev.servinglab.predict.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.FeatureRange;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.ExampleTrace;
import dev.servinglab.predict.service.TraceResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows one request going through the pipeline, stage by stage: the example flower's trace as the page loads,
 * then whatever flower, model or scaling the learner picks, through {@code POST /api/v1/predict/trace}.
 */
@ApplicationScoped
public class TraceLabWidget implements LessonWidget {

    /**
     * Describes one measurement control of the trace lab: a number field and a slider.
     *
     * @param name      the feature's JSON name
     * @param value     the starting value (the example flower's)
     * @param sliderMax the slider's upper end, beyond the training range so that drift can be tried
     * @param range     the range seen in training
     */
    public record FeatureInput(String name, double value, double sliderMax, FeatureRange range) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                TraceResponse trace,
                List<FeatureInput> inputs,
                List<IrisExamples.Flower> presets,
                List<ServedModel> models);
    }

    private final ModelRegistry models;
    private final ExampleTrace example;

    TraceLabWidget(ModelRegistry models, ExampleTrace example) {
        this.models = models;
        this.example = example;
    }

    @Override
    public String name() {
        return "trace-lab";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(
                example.trace(), inputs(models.defaultModel()), IrisExamples.flowers(), List.copyOf(models.all()));
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/predict/trace-lab.js");
    }

    private static List<FeatureInput> inputs(ServedModel model) {
        double[] flower = IrisExamples.example().features();
        List<FeatureInput> inputs = new ArrayList<>();
        for (int j = 0; j < model.ranges().size(); j++) {
            FeatureRange range = model.ranges().get(j);
            double sliderMax = Math.ceil(range.max() * 1.5);
            inputs.add(new FeatureInput(range.feature(), flower[j], sliderMax, range));
        }
        return inputs;
    }
}
