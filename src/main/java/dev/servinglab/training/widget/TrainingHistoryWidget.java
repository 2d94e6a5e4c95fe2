package dev.servinglab.training.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.training.service.CurveCommentary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shows how the default model trained: its loss and accuracy after every epoch, and what the curves show in words,
 * read off this very run by the same {@link CurveCommentary} that comments on the training lab's runs.
 */
@ApplicationScoped
public class TrainingHistoryWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(ServedModel model, String stopped, List<Row> history);
    }

    /**
     * Holds one row of the table.
     *
     * @param epoch       the epoch's loss and accuracy
     * @param observation what it shows, or an empty string when it shows nothing new
     */
    public record Row(EpochMetrics epoch, String observation) {}

    private final ModelRegistry models;

    TrainingHistoryWidget(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "training-history";
    }

    @Override
    public TemplateInstance render() {
        ServedModel model = models.defaultModel();
        return Templates.widget(model, sentence(model.stopReason()), rows(model.history()));
    }

    /** Pairs every epoch with what the commentary says about it. */
    static List<Row> rows(List<EpochMetrics> history) {
        List<String> observations = CurveCommentary.observations(history);
        List<Row> rows = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            rows.add(new Row(history.get(i), Objects.requireNonNullElse(observations.get(i), "")));
        }
        return List.copyOf(rows);
    }

    /** Starts why training stopped with a capital letter, as the sentence it opens on the page. */
    static String sentence(String reason) {
        return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
