package dev.servinglab.training.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.predict.rollout.service.Rollout;
import dev.servinglab.predict.service.PredictLimits;
import dev.servinglab.training.service.TrainingPresets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets a learner roll a model out on a deployment of their own: train a worse model on purpose (the overfitting
 * preset), put it beside the current version as a canary or a shadow, replay the iris flowers as traffic, watch
 * how the versions answer and how often they disagree, then promote it or roll it back.
 */
@ApplicationScoped
public class RolloutLabWidget implements LessonWidget {

    /** The canary shares the lab offers, in percent. */
    static final List<Integer> SHARES = List.of(10, Rollout.FIRST_CANARY_PERCENT, 50);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                String flowers,
                String overfitting,
                List<String> models,
                String current,
                List<Integer> shares,
                int firstShare);
    }

    private final DatasetRepository datasets;
    private final ModelRegistry models;
    private final ObjectMapper json;

    RolloutLabWidget(DatasetRepository datasets, ModelRegistry models, ObjectMapper json) {
        this.datasets = datasets;
        this.models = models;
        this.json = json;
    }

    @Override
    public String name() {
        return "rollout-lab";
    }

    @Override
    public TemplateInstance render() {
        String current = models.defaultModel().name();
        List<String> candidates = new ArrayList<>();
        models.all().forEach(model -> {
            if (!model.name().equals(current)) {
                candidates.add(model.name());
            }
        });
        List<Integer> shares = SHARES.stream()
                .filter(share -> share >= Rollout.MIN_CANARY_PERCENT && share <= Rollout.MAX_CANARY_PERCENT)
                .toList();
        return Templates.widget(
                flowers(datasets.load(PredictLimits.DATA_SET)),
                TrainingPresets.OVERFITTING,
                candidates,
                current,
                shares,
                Rollout.FIRST_CANARY_PERCENT);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/training/rollout-lab.js");
    }

    /** Writes every flower of the data set as a request body with its species, for the lab to replay as traffic. */
    private String flowers(Dataset iris) {
        List<Map<String, Object>> flowers = new ArrayList<>();
        for (int i = 0; i < iris.size(); i++) {
            flowers.add(Map.of("body", iris.row(i), "species", iris.classNames().get(iris.labels()[i])));
        }
        try {
            return json.writeValueAsString(flowers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the iris flowers cannot be written as JSON", e);
        }
    }
}
