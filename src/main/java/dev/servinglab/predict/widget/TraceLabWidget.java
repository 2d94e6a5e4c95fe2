package dev.servinglab.predict.widget;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.FeatureRange;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.ExampleTrace;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shows one request going through the pipeline, stage by stage: the example flower's trace as the page loads,
 * then whatever flower, model or scaling the learner picks. The result part of the template is a fragment that
 * {@link TraceLabFragments} renders for every change, and the page script swaps in: the stages are rendered here
 * only.
 */
@ApplicationScoped
public class TraceLabWidget implements LessonWidget {

    /** The measurements of the iris data set have one decimal, so the controls move by a tenth. */
    private static final double STEP = 0.1;

    /**
     * Describes one measurement control of the trace lab: a number field and a slider.
     *
     * @param name      the feature's JSON name
     * @param unit      the unit of its values
     * @param value     the starting value (the example flower's)
     * @param step      the smallest change, also the smallest value
     * @param max       the largest value the API accepts
     * @param sliderMax the slider's upper end, beyond the training range so that drift can be tried
     * @param range     the range seen in training
     */
    public record FeatureInput(
            String name, String unit, double value, double step, double max, double sliderMax, FeatureRange range) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                TraceLabResult result,
                List<FeatureInput> inputs,
                List<IrisExamples.Flower> presets,
                List<ServedModel> models);

        static native TemplateInstance widget$result(TraceLabResult result);
    }

    private final ModelRegistry models;
    private final ExampleTrace example;
    private final ObjectMapper json;
    private final String pageUrl;

    TraceLabWidget(
            ModelRegistry models,
            ExampleTrace example,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.models = models;
        this.example = example;
        this.json = json;
        // The page is rendered before any request says where it is served: the snippets show the default address,
        // which the page script replaces with the page's own (TraceLabResult.origin()).
        this.pageUrl = "http://localhost:" + port + TraceLabFragments.PREDICT;
    }

    @Override
    public String name() {
        return "trace-lab";
    }

    @Override
    public TemplateInstance render() {
        ServedModel model = models.defaultModel();
        return Templates.widget(
                TraceLabResult.of(example.trace(), pageUrl, json),
                inputs(model),
                IrisExamples.flowers(),
                List.copyOf(models.all()));
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/predict/trace-lab.js");
    }

    private static List<FeatureInput> inputs(ServedModel model) {
        List<FeatureInput> inputs = new ArrayList<>();
        for (FeatureRange range : model.ranges()) {
            double value = IrisExamples.example().measurements().get(range.feature());
            double sliderMax = Math.ceil(range.max() * 1.5);
            inputs.add(new FeatureInput(
                    range.feature(),
                    range.unit(),
                    value,
                    STEP,
                    model.dataset().bounds().maximum(),
                    sliderMax,
                    range));
        }
        return inputs;
    }
}
