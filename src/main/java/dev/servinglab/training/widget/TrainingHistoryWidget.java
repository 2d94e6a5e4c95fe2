package dev.servinglab.training.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Shows how the default model trained: its loss and accuracy after every epoch.
 */
@ApplicationScoped
public class TrainingHistoryWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(ServedModel model, List<EpochMetrics> history);
    }

    private final ModelRegistry models;

    TrainingHistoryWidget(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "training-history";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(models.defaultModel(), models.defaultModel().history());
    }
}
