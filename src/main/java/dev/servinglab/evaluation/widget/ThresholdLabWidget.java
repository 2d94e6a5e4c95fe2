package dev.servinglab.evaluation.widget;

import dev.servinglab.evaluation.service.ThresholdLab;
import dev.servinglab.lesson.LessonWidget;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Lets the learner move a classifier's threshold and watch precision and recall trade places, with a goal per
 * data set that the server checks.
 */
@ApplicationScoped
public class ThresholdLabWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                ThresholdLab.View view, List<String> datasets, List<ThresholdLab.Challenge> challenges);
    }

    private final ThresholdLab thresholds;

    ThresholdLabWidget(ThresholdLab thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return "threshold-lab";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(
                thresholds.view(ThresholdLab.DATASETS.getFirst(), 0.5).orElseThrow(),
                ThresholdLab.DATASETS,
                challengesInOrder());
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/evaluation/threshold-lab.js");
    }

    /** Returns the lab's goals in the order of its data sets, the first shown first. */
    private static List<ThresholdLab.Challenge> challengesInOrder() {
        return ThresholdLab.DATASETS.stream()
                .flatMap(d ->
                        ThresholdLab.CHALLENGES.stream().filter(c -> c.dataset().equals(d)))
                .toList();
    }
}
