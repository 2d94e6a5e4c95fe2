package dev.servinglab.training.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.training.TrainingConfig;
import dev.servinglab.training.service.Hyperparameter;
import dev.servinglab.training.service.Promotion;
import dev.servinglab.training.service.TrainingPresets;
import dev.servinglab.training.service.TrainingSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the learner train a real Smile MLP, watch its curves grow epoch by epoch, promote it and call it. The form
 * is rendered from the {@link Hyperparameter} definitions; the rows the script adds while a run goes on are cloned
 * from {@code <template>} elements of this widget, and how a run ended is a fragment the script fetches from
 * {@link TrainingLabFragments}: every piece of markup is written here, once.
 */
@ApplicationScoped
public class TrainingLabWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                List<TrainingPresets.Preset> presets, List<HyperparameterField.Group> groups, String modelNamePattern);

        static native TemplateInstance result(TrainingSummary summary);
    }

    private final TrainingConfig training;
    private final ModelConfig model;
    private final DatasetRepository datasets;

    TrainingLabWidget(TrainingConfig training, ModelConfig model, DatasetRepository datasets) {
        this.training = training;
        this.model = model;
        this.datasets = datasets;
    }

    @Override
    public String name() {
        return "training-lab";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(TrainingPresets.all(model), form(), Promotion.NAME_PATTERN);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/training/training-lab.js");
    }

    /** Lays the hyperparameters out by group, each starting at its default; the pace at the page's own. */
    private List<HyperparameterField.Group> form() {
        Hyperparameter.Limits limits = Hyperparameter.Limits.of(training);
        List<HyperparameterField.Group> groups = new ArrayList<>();
        for (Hyperparameter.Group group : Hyperparameter.Group.values()) {
            List<HyperparameterField> fields = new ArrayList<>();
            for (Hyperparameter hyperparameter : Hyperparameter.of(group)) {
                Object value = hyperparameter == Hyperparameter.PACE_MS
                        ? training.pagePaceMs()
                        : hyperparameter.domain().defaultValue();
                fields.add(HyperparameterField.of(hyperparameter, limits, value, choices(hyperparameter)));
            }
            groups.add(new HyperparameterField.Group(group.legend(), fields));
        }
        return groups;
    }

    /** Lists a hyperparameter's options; each data set as the catalogue describes it, with its classes and features. */
    private List<Hyperparameter.Choice> choices(Hyperparameter hyperparameter) {
        List<Hyperparameter.Choice> choices = hyperparameter.domain().choices();
        if (hyperparameter != Hyperparameter.DATASET) {
            return choices;
        }
        return choices.stream()
                .map(choice -> new Hyperparameter.Choice(
                        choice.value(),
                        datasets.info(choice.value()).orElseThrow().label()))
                .toList();
    }
}
