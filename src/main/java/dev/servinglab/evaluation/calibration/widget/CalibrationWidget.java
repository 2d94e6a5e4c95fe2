package dev.servinglab.evaluation.calibration.widget;

import dev.servinglab.evaluation.calibration.service.Calibration;
import dev.servinglab.evaluation.calibration.service.ReliabilityDiagram;
import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.service.ModelRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Shows the reliability diagram of the served model, with a choice of model and of bin count. The page shows it
 * rendered for the default model in {@value #FIRST_BINS} bins; its script asks {@link CalibrationFragments} for the
 * part below the controls at every other choice and swaps it in, so that the markup is written once, here.
 */
@ApplicationScoped
public class CalibrationWidget implements LessonWidget {

    /** The bin count the page opens on. */
    static final int FIRST_BINS = 10;

    /** The bin counts the widget offers. */
    static final List<Integer> BIN_CHOICES = List.of(5, 10, 20);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                ReliabilityDiagram diagram, List<String> models, List<Integer> binChoices);

        static native TemplateInstance widget$result(ReliabilityDiagram diagram);
    }

    private final Calibration calibration;
    private final ModelRegistry registry;

    CalibrationWidget(Calibration calibration, ModelRegistry registry) {
        this.calibration = calibration;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "calibration";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(
                calibration.diagram(registry.defaultModel().name(), FIRST_BINS),
                calibration.builtInNames(),
                BIN_CHOICES);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/evaluation/calibration.js");
    }
}
