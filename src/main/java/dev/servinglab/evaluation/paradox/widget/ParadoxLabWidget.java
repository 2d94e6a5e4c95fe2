package dev.servinglab.evaluation.paradox.widget;

import dev.servinglab.evaluation.paradox.service.ParadoxComparison;
import dev.servinglab.evaluation.paradox.service.ParadoxLab;
import dev.servinglab.evaluation.service.Metric;
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
        static native TemplateInstance widget(ParadoxComparison comparison, List<Metric> metrics);
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
        return Templates.widget(paradox.comparison(), Metric.ALL);
    }
}
