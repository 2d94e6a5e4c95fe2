package dev.servinglab.training.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.training.TrainingConfig;
import dev.servinglab.training.service.TrainingPresets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Lets the learner train a real Smile MLP, watch its curves grow epoch by epoch, promote it and call it.
 */
@ApplicationScoped
public class TrainingLabWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                List<TrainingPresets.Preset> presets, TrainingConfig limits, Map<String, Object> defaults);
    }

    private final TrainingConfig training;

    TrainingLabWidget(TrainingConfig training) {
        this.training = training;
    }

    @Override
    public String name() {
        return "training-lab";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(
                TrainingPresets.ALL, training, TrainingPresets.ALL.getFirst().values());
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/training/training-lab.js");
    }
}
