package dev.servinglab.training.rest;

import dev.servinglab.training.service.TrainingEpoch;
import dev.servinglab.training.service.TrainingOptions;
import dev.servinglab.training.service.TrainingRun;
import dev.servinglab.training.service.TrainingSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows a training run: what it was asked for, every epoch so far and, once it has ended, its summary.
 */
@Schema(name = "TrainingRun", description = "A training run and its whole history")
public record TrainingView(
        @Schema(examples = "3f9a1c07e25b4d81") String id,
        TrainingRun.Status status,

        @Schema(
                ref = TrainingRequestSchema.NAME,
                description = "The hyperparameters, defaults filled in: the request body of the same run")
        TrainingOptions hyperparameters,

        Instant createdAt,
        int epochsRun,

        @Schema(description = "Every epoch so far, in order")
        List<TrainingEpoch> history,

        @Schema(description = "How the run ended; null while it runs")
        TrainingSummary summary,

        @Schema(description = "The model name it is served under once promoted, else null")
        String promotedAs,

        @Schema(description = "Where to follow, promote or cancel it")
        Map<String, String> links) {

    /**
     * Shows a run, with or without its history (copied only when shown). The status is read before the summary: a
     * run that reads as ended has its summary.
     */
    static TrainingView of(TrainingRun run, boolean withHistory) {
        TrainingRun.Status status = run.status();
        TrainingSummary summary = run.summary();
        List<TrainingEpoch> history = withHistory ? run.history() : null;
        String self = "/api/v1/trainings/" + run.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("events", self + "/events");
        links.put("promotion", self + "/promotion");
        if (run.promotedAs() != null) {
            links.put("model", "/api/v1/models/" + run.promotedAs());
        }
        return new TrainingView(
                run.id(),
                status,
                run.options(),
                run.createdAt(),
                // The count of the history shown, so that the two agree while the run goes on.
                history != null ? history.size() : run.epochsRun(),
                history,
                summary,
                run.promotedAs(),
                links);
    }
}
