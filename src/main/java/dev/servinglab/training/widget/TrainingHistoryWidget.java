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
        static native TemplateInstance widget(ServedModel model, String stopped, List<EpochMetrics> history);
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
        ServedModel model = models.defaultModel();
        return Templates.widget(model, sentence(model.stopReason()), model.history());
    }

    /** Starts why training stopped with a capital letter, as the sentence it opens on the page. */
    static String sentence(String reason) {
        return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
