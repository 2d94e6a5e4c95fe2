package dev.servinglab.evaluation.widget;

import dev.servinglab.evaluation.service.ParadoxLab;
import dev.servinglab.lesson.LessonWidget;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Shows the accuracy paradox on real data: a classifier that never says spam beside a logistic regression.
 */
@ApplicationScoped
public class ParadoxLabWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(ParadoxLab.Result result, List<ParadoxLab.Judged> judges);
    }

    private final ParadoxLab paradox;

    ParadoxLabWidget(ParadoxLab paradox) {
        this.paradox = paradox;
    }

    @Override
    public String name() {
        return "paradox-lab";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(
                paradox.result(),
                List.of(paradox.result().alwaysNegative(), paradox.result().model()));
    }
}
