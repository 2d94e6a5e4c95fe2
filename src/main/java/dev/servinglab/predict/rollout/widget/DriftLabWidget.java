package dev.servinglab.predict.rollout.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.predict.rollout.RolloutConfig;
import dev.servinglab.predict.rollout.service.AlertRules;
import dev.servinglab.predict.rollout.service.DriftLevel;
import dev.servinglab.predict.service.PredictLimits;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets a learner send a stream of changed flowers to a deployment of their own and watch its drift report move
 * before any accuracy could (a live API has no labels), then set alert rules and make one fire.
 */
@ApplicationScoped
public class DriftLabWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(
                String flowers,
                List<DriftPreset> presets,
                String presetsJson,
                List<String> features,
                int window,
                AlertRules alerts,
                int minRequests);
    }

    private final DatasetRepository datasets;
    private final RolloutConfig config;
    private final ObjectMapper json;

    DriftLabWidget(DatasetRepository datasets, RolloutConfig config, ObjectMapper json) {
        this.datasets = datasets;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "drift-lab";
    }

    @Override
    public TemplateInstance render() {
        Dataset iris = datasets.load(PredictLimits.DATA_SET);
        List<Map<String, Double>> flowers = new ArrayList<>();
        for (int i = 0; i < iris.size(); i++) {
            flowers.add(iris.row(i));
        }
        return Templates.widget(
                write(flowers),
                DriftPreset.ALL,
                write(DriftPreset.ALL),
                iris.featureNames(),
                config.window(),
                AlertRules.DEFAULT,
                DriftLevel.MIN_REQUESTS);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/predict/drift-lab.js");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the drift lab's data cannot be written as JSON", e);
        }
    }
}
