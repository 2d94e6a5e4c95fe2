package dev.servinglab.evaluation.leakage.widget;

import dev.servinglab.evaluation.leakage.service.LeakageCase;
import dev.servinglab.evaluation.leakage.service.LeakageLab;
import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.lesson.LessonWidget;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Shows two kinds of data leakage on real data, each beside the honest evaluation.
 */
@ApplicationScoped
public class LeakageLabWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(List<LeakageCase> cases, List<Metric> metrics);
    }

    private final LeakageLab leakage;

    LeakageLabWidget(LeakageLab leakage) {
        this.leakage = leakage;
    }

    @Override
    public String name() {
        return "leakage-lab";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(leakage.cases(), Metric.ALL);
    }
}
