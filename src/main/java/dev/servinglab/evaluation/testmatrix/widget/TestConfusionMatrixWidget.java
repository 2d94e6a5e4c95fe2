package dev.servinglab.evaluation.testmatrix.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Shows the default model's confusion matrix and per-class metrics on the held-out test split.
 */
@ApplicationScoped
public class TestConfusionMatrixWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(ServedModel model, Evaluation test);
    }

    private final ModelRegistry models;

    TestConfusionMatrixWidget(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "test-confusion-matrix";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(models.defaultModel(), models.defaultModel().test());
    }
}
