package dev.servinglab.evaluation.threshold.widget;

import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.evaluation.threshold.service.ThresholdChallenge;
import dev.servinglab.evaluation.threshold.service.ThresholdEffect;
import dev.servinglab.evaluation.threshold.service.ThresholdLab;
import dev.servinglab.lesson.LessonWidget;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Lets the learner move a classifier's threshold and watch precision and recall trade places, with a goal per
 * data set that the server checks. The page shows it rendered at 0.5; its script asks {@link ThresholdLabFragments}
 * for the part below the controls at every other threshold and swaps it in, so that the markup is written once,
 * here.
 */
@ApplicationScoped
public class ThresholdLabWidget implements LessonWidget {

    /** The threshold the page opens on. */
    private static final double FIRST_THRESHOLD = 0.5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                ThresholdEffect effect, List<ThresholdChallenge> challenges, List<Metric> metrics);

        static native TemplateInstance widget$result(ThresholdEffect effect, List<Metric> metrics);
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
                thresholds.effect(ThresholdLab.DATASETS.getFirst(), FIRST_THRESHOLD),
                ThresholdLab.CHALLENGES,
                Metric.ALL);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/evaluation/threshold-lab.js");
    }
}
