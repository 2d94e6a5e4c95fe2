package dev.servinglab.training.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.Evaluator;
import dev.servinglab.model.service.MlpTrainer;
import dev.servinglab.model.service.ScaledSplit;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.Standardizer;
import dev.servinglab.model.service.StopCause;
import dev.servinglab.model.service.TrainedClassifier;
import dev.servinglab.predict.service.PredictionMetrics;
import dev.servinglab.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains one run, the recipe of the built-in MLP with the learner's hyperparameters: split the data set (stratified,
 * seeded), cut the training rows if asked, fit the scaler on them, train the MLP epoch by epoch while publishing
 * every epoch with what it shows, then evaluate the kept weights on the test rows.
 */
@ApplicationScoped
public class RunTrainer {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final DatasetRepository datasets;
    private final ModelConfig models;
    private final TrainingConfig config;
    private final PredictionMetrics predictions;
    private final ObjectMapper json;

    RunTrainer(
            DatasetRepository datasets,
            ModelConfig models,
            TrainingConfig config,
            PredictionMetrics predictions,
            ObjectMapper json) {
        this.datasets = datasets;
        this.models = models;
        this.config = config;
        this.predictions = predictions;
        this.json = json;
    }

    /**
     * Holds what a run produced, before the run is told it has ended.
     *
     * @param model the model to serve, or null when the run did not end with one worth serving
     * @param example the first test row, as a prediction request names its features
     */
    record Outcome(TrainingSummary summary, ServedModel model, Map<String, Double> example) {}

    /**
     * Trains the run on the calling thread until it ends by itself, is cancelled or reaches the time limit.
     *
     * @param startNanos when the run started, by {@link System#nanoTime()}
     */
    Outcome train(TrainingRun run, long startNanos) {
        TrainingOptions options = run.options();
        Split split = SplitRecipe.of(options, models.testFraction()).split(datasets);
        Standardizer scaler = Standardizer.fit(split.train().features());
        ScaledSplit scaled = ScaledSplit.of(split, scaler);
        CurveCommentary commentary = new CurveCommentary();
        TrainedClassifier trained = MlpTrainer.train(
                scaled.trainX(),
                scaled.trainY(),
                scaled.validationX(),
                scaled.validationY(),
                scaled.classes(),
                options.mlp(),
                new Watch(run, commentary, startNanos + config.maxDuration().toNanos())::afterEpoch);
        Evaluation test = Evaluator.evaluate(
                trained.classifier(),
                scaled.testX(),
                scaled.testY(),
                split.train().classNames());
        StopCause stop = trained.stop();
        String reason = reason(run, trained);
        TrainingSummary summary = new TrainingSummary(
                run.id(),
                stop,
                reason,
                trained.history().size(),
                commentary.bestEpoch(),
                trained.keptEpoch(),
                commentary.overfittingFrom() > 0 ? commentary.overfittingFrom() : null,
                (System.nanoTime() - startNanos) / 1e6,
                test,
                observations(run.history(), stop, reason));
        ServedModel model = stop.leavesServableModel() ? served(run, split, scaler, trained, test) : null;
        return new Outcome(summary, model, example(split.test()));
    }

    /**
     * Publishes every epoch with what it shows, then stops the run if it was cancelled or is out of time, or
     * else pauses at its pace (or, at full speed, while predictions are busy).
     */
    private final class Watch {
        private final TrainingRun run;
        private final CurveCommentary commentary;
        private final long deadline;
        private final PredictionBackoff backoff = new PredictionBackoff(predictions::requestCount);

        Watch(TrainingRun run, CurveCommentary commentary, long deadline) {
            this.run = run;
            this.commentary = commentary;
            this.deadline = deadline;
        }

        Optional<StopCause> afterEpoch(EpochMetrics metrics) {
            run.publish(TrainingEpoch.of(metrics, commentary.observe(metrics)));
            if (run.cancelCause() != null) {
                return Optional.of(run.cancelCause());
            }
            if (System.nanoTime() > deadline) {
                return Optional.of(StopCause.TIME_LIMIT);
            }
            long pace = run.options().paceMs() * 1_000_000L;
            long pause = pace > 0 ? pace : backoff.pauseNanos();
            if (pause > 0 && metrics.epoch() < run.options().epochs() && run.pause(pause)) {
                // Woken by a cancel, or interrupted (the app is stopping), which cancels it too.
                return Optional.of(Objects.requireNonNullElse(run.cancelCause(), StopCause.CANCELLED));
            }
            backoff.resume();
            return Optional.empty();
        }
    }

    /** Says why the run stopped, in a sentence; the trainer's own words unless something else stopped it. */
    private String reason(TrainingRun run, TrainedClassifier trained) {
        int epochs = trained.history().size();
        if (trained.stop() == StopCause.CANCELLED && run.stoppedByServer()) {
            return "stopped after epoch " + epochs + ": the server is stopping";
        }
        return switch (trained.stop()) {
            case DISCONNECTED -> "stopped after epoch " + epochs + ": the client following the run disconnected";
            case CANCELLED -> "stopped after epoch " + epochs + ": cancelled by a client";
            case TIME_LIMIT ->
                "stopped after epoch " + epochs + ": the time limit of "
                        + config.maxDuration().toSeconds() + " s was reached";
            default -> trained.stopReason();
        };
    }

    /** Lists the epochs that showed something, the last one with why the run stopped. */
    private static List<TrainingEpoch> observations(List<TrainingEpoch> history, StopCause stop, String reason) {
        List<TrainingEpoch> notable = new ArrayList<>();
        for (int i = 0; i < history.size() - 1; i++) {
            if (history.get(i).observation() != null) {
                notable.add(history.get(i));
            }
        }
        if (!history.isEmpty()) {
            TrainingEpoch last = history.getLast();
            String end = switch (stop) {
                // The reason already begins "early stop: …".
                case EARLY_STOP -> Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
                case EPOCHS -> "Last epoch: " + reason;
                default -> "Stopped: " + reason;
            };
            notable.add(last.withObservation(last.observation() == null ? end : last.observation() + "; " + end));
        }
        return notable;
    }

    private ServedModel served(
            TrainingRun run, Split split, Standardizer scaler, TrainedClassifier trained, Evaluation test) {
        TrainingOptions options = run.options();
        Map<String, Object> hyperparameters = options.mlp()
                .describe(
                        split.train().featureNames().size(),
                        split.train().classNames().size());
        // Then what else the run was asked for, as its request named it; the pace only changed how it was watched.
        json.convertValue(options, MAP).forEach(hyperparameters::putIfAbsent);
        hyperparameters.remove(Hyperparameter.PACE_MS.jsonName());
        hyperparameters.put("training_run", run.id());
        hyperparameters.put("kept_epoch", trained.keptEpoch());
        String description = "A multilayer perceptron trained in the training lab (run %s) on %s, %d epochs."
                .formatted(
                        run.id(),
                        split.train().info().title(),
                        trained.history().size());
        return ServedModel.of(
                "run-" + run.id(), run.id(), "mlp", description, split, scaler, trained, hyperparameters, test);
    }

    /** Returns the first test row as a request body would name it, for the learner's first prediction. */
    private static Map<String, Double> example(Dataset test) {
        Map<String, Double> example = new LinkedHashMap<>();
        for (int j = 0; j < test.featureNames().size(); j++) {
            example.put(test.featureNames().get(j), test.features()[0][j]);
        }
        return example;
    }
}
