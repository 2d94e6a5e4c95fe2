package dev.servinglab.evaluation.seedsweep.widget;

import dev.servinglab.evaluation.seedsweep.service.SeedSweep;
import dev.servinglab.evaluation.seedsweep.service.SeedSweepResult;
import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.ModelConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Lets the learner train the served model's recipe with 20 seeds and see how far the test accuracy moves, beside
 * the served model's own. The page opens with the button only: the sweep takes seconds, so it runs when asked, and
 * its script swaps in the result that {@link SeedSweepFragments} renders.
 */
@ApplicationScoped
public class SeedSweepWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(long servedSeed, List<Long> seeds);

        static native TemplateInstance result(SeedSweepResult sweep);
    }

    private final ModelConfig config;

    SeedSweepWidget(ModelConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "seed-sweep";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(config.seed(), SeedSweep.SEEDS);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/evaluation/seed-sweep.js");
    }
}
