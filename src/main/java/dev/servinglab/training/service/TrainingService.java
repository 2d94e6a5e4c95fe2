package dev.servinglab.training.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.Evaluator;
import dev.servinglab.model.service.MlpTrainer;
import dev.servinglab.model.service.ModelFactory;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ScaledSplit;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.Standardizer;
import dev.servinglab.model.service.TrainedClassifier;
import dev.servinglab.predict.service.PredictionMetrics;
import dev.servinglab.training.TrainingConfig;
import dev.servinglab.web.problem.ConflictException;
import dev.servinglab.web.problem.TooManyRequestsException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Runs the learners' trainings: each on a thread of its own, at a lower priority than the threads serving
 * requests, at most {@link TrainingConfig#concurrency()} at once, each bounded in epochs and time, and keeps the
 * finished runs in a bounded store.
 */
@ApplicationScoped
public class TrainingService {

    private static final Logger LOG = Logger.getLogger(TrainingService.class);

    private final TrainingConfig config;
    private final DatasetRepository datasets;
    private final ModelRegistry registry;
    private final Semaphore slots;
    private final Map<String, Dataset> loaded = new ConcurrentHashMap<>();
    private final SecureRandom ids = new SecureRandom();
    // Insertion order: the oldest run first, the one forgotten first.
    private final Map<String, TrainingRun> runs = new LinkedHashMap<>();

    private final Executor deliveries;

    private final ObjectMapper mapper;
    private final PredictionMetrics predictions;

    TrainingService(
            TrainingConfig config,
            DatasetRepository datasets,
            ModelRegistry registry,
            Vertx vertx,
            ObjectMapper mapper,
            PredictionMetrics predictions) {
        this.mapper = mapper;
        this.predictions = predictions;
        this.deliveries = deliveries(vertx);
        this.config = config;
        this.datasets = datasets;
        this.registry = registry;
        this.slots = new Semaphore(config.concurrency());
        if (config.maxEpochs() > MlpTrainer.Options.MAX_EPOCHS) {
            throw new IllegalStateException("serving-lab.training.max-epochs must be at most "
                    + MlpTrainer.Options.MAX_EPOCHS + ": " + config.maxEpochs());
        }
    }

    @PreDestroy
    void stop() {
        synchronized (runs) {
            runs.values().forEach(run -> run.cancel("cancelled"));
        }
    }

    /** Returns the reader of training requests, with this server's limits. */
    public TrainingRequestReader reader() {
        return new TrainingRequestReader(config.maxEpochs(), config.maxPaceMs());
    }

    /**
     * Starts a run on a thread of its own, if a training slot is free.
     *
     * @throws TooManyRequestsException if every training slot is taken
     */
    public TrainingRun start(TrainingOptions options) {
        if (!slots.tryAcquire()) {
            throw new TooManyRequestsException(
                    "The server trains at most " + config.concurrency()
                            + " models at once and all are busy; try again in a few seconds.",
                    retryAfterSeconds());
        }
        TrainingRun run = new TrainingRun(
                newId(), options, deliveries, config.disconnectGrace(), config.maxFollowers(), this::json);
        remember(run);
        try {
            // A thread per run (the slots bound them): no pool, so no queue lock shared with request threads.
            Thread.ofPlatform().name("training-" + run.id()).daemon(true).start(() -> {
                BackgroundPriority.lowerCurrentThread();
                execute(run);
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            forget(run);
            slots.release();
            throw e;
        }
        return run;
    }

    /** Finds a run by id, running or kept. */
    public Optional<TrainingRun> find(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id));
        }
    }

    /**
     * Serves a completed run's model through the predict API, the trace and the model card, under the given
     * name or {@code run-<id>}. Promoting a run again answers with the model it is already served as.
     *
     * @throws ConflictException if the run has not completed, or the name is taken
     */
    public synchronized Promotion promote(TrainingRun run, String name) {
        Optional<ServedModel> already = Optional.ofNullable(run.promotedAs())
                .flatMap(registry::find)
                .filter(served -> served.version().equals(run.id()));
        if (already.isPresent()) {
            return Promotion.of(run, already.get(), List.of(), false);
        }
        ServedModel trained = run.model();
        if (trained == null) {
            throw new ConflictException(
                    switch (run.status()) {
                        case RUNNING ->
                            "Run " + run.id() + " is still training; promote it once its summary has arrived.";
                        case CANCELLED ->
                            "Run " + run.id() + " was cancelled; only a run that ended by itself is served.";
                        case COMPLETED ->
                            "Run " + run.id() + " diverged (its loss stopped being a number); its model is "
                                    + "not worth serving. Train again with a smaller learning rate.";
                        default -> "Run " + run.id() + " failed; it has no model to serve.";
                    });
        }
        String served = name == null ? trained.name() : name;
        // find() also knows the protocol's alias of the default model, so no name of a served model is reused.
        if (registry.find(served).isPresent()) {
            throw new ConflictException("A model named " + served + " is already served; choose another name.");
        }
        ServedModel model = trained.withName(served);
        List<String> retired = registry.promote(model, config.maxPromoted());
        run.promotedAs(served);
        return Promotion.of(run, model, retired, true);
    }

    /**
     * Returns an executor that runs its tasks one after another on one event-loop thread: the runs' deliveries
     * to their subscribers, where sending Server-Sent Events belongs. The context is made on a thread of its
     * own, because Vert.x makes a new event-loop context only when asked from outside Vert.x; from a request
     * thread it would hand out that request's context.
     */
    private static Executor deliveries(Vertx vertx) {
        Context context = CompletableFuture.supplyAsync(
                        vertx::getOrCreateContext,
                        task -> Thread.ofPlatform()
                                .name("training-deliveries-setup")
                                .start(task))
                .join();
        return task -> context.runOnContext(ignored -> task.run());
    }

    private String newId() {
        // 64 random bits: a run's id is all it takes to follow, cancel or promote it, so it cannot be guessed.
        byte[] bytes = new byte[8];
        ids.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a training event as JSON", e);
        }
    }

    private void forget(TrainingRun run) {
        synchronized (runs) {
            runs.remove(run.id());
        }
    }

    private void remember(TrainingRun run) {
        synchronized (runs) {
            runs.put(run.id(), run);
            Iterator<TrainingRun> oldestFirst = runs.values().iterator();
            while (runs.size() > config.maxStoredRuns() && oldestFirst.hasNext()) {
                if (oldestFirst.next().status() != TrainingRun.Status.RUNNING) {
                    oldestFirst.remove();
                }
            }
        }
    }

    /**
     * Estimates when a slot frees: the soonest any running run would end at its pace, or at the time limit.
     */
    private long retryAfterSeconds() {
        double soonest = config.maxDuration().toMillis();
        long now = System.currentTimeMillis();
        synchronized (runs) {
            for (TrainingRun run : runs.values()) {
                if (run.status() == TrainingRun.Status.RUNNING) {
                    List<TrainingEpoch> history = run.history();
                    double perEpoch = history.isEmpty()
                            ? run.options().paceMs() + 10
                            : history.getLast().elapsedMs() / history.size();
                    double remaining = (run.options().epochs() - history.size()) * perEpoch;
                    double untilLimit = config.maxDuration().toMillis()
                            - (now - run.createdAt().toEpochMilli());
                    soonest = Math.min(soonest, Math.min(remaining, untilLimit));
                }
            }
        }
        return Math.max(1, (long) Math.ceil(soonest / 1000));
    }

    /**
     * Trains, then frees the slot before the run reads as ended, so that a client starting its next run as soon
     * as it sees the summary finds the slot free. Whatever goes wrong, the run ends and its slot is freed.
     */
    private void execute(TrainingRun run) {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = train(run, start);
        } catch (Throwable e) {
            slots.release();
            fail(run, start, e);
            return;
        }
        slots.release();
        try {
            run.finish(outcome.summary(), outcome.model(), outcome.example());
        } catch (RuntimeException e) {
            fail(run, start, e);
            return;
        }
        LOG.infof(
                "Training run %s on %s: %s after %d epochs, test accuracy %.3f",
                run.id(),
                run.options().dataset(),
                outcome.summary().stop(),
                outcome.summary().epochsRun(),
                outcome.summary().test().accuracy());
    }

    private static void fail(TrainingRun run, long start, Throwable cause) {
        LOG.errorf(cause, "Training run %s failed", run.id());
        run.fail(new TrainingSummary(
                run.id(),
                "failed",
                "error",
                "the run failed on the server; please report it",
                run.epochsRun(),
                0,
                0,
                null,
                elapsedMs(start),
                null,
                List.of()));
    }

    /** Holds what a run produced, before the run is told it has ended. */
    private record Outcome(TrainingSummary summary, ServedModel model, Map<String, Double> example) {}

    private Outcome train(TrainingRun run, long start) {
        TrainingOptions options = run.options();
        Dataset data = loaded.computeIfAbsent(options.dataset(), datasets::load);
        Split split = StratifiedSplitter.split(
                data,
                new StratifiedSplitter.Options(
                        options.validationFraction(), TrainingOptions.TEST_FRACTION, options.seed()));
        if (options.maxTrainRows() > 0 && options.maxTrainRows() < split.train().size()) {
            split = new Split(stratifiedHead(split.train(), options.maxTrainRows()), split.validation(), split.test());
        }
        Standardizer scaler = Standardizer.fit(split.train().features());
        ScaledSplit scaled = ScaledSplit.of(split, scaler);
        Observer observer = new Observer();
        long deadline = start + config.maxDuration().toNanos();
        // Why the listener stopped the run, if it did: a cancel that arrives after the run ended by itself does not
        // turn it into a cancelled run.
        String[] stoppedBy = {null};
        GiveWay giveWay = new GiveWay(predictions::requestCount);
        TrainedClassifier trained = MlpTrainer.train(
                scaled.trainX(),
                scaled.trainY(),
                scaled.validationX(),
                scaled.validationY(),
                scaled.classes(),
                options.mlp(),
                metrics -> {
                    run.publish(TrainingEpoch.of(metrics, observer.observe(metrics)));
                    if (run.cancelReason() != null) {
                        stoppedBy[0] = run.cancelReason();
                        return false;
                    }
                    if (System.nanoTime() > deadline) {
                        stoppedBy[0] = "time-limit";
                        return false;
                    }
                    long pause = options.paceMs() > 0 ? options.paceMs() * 1_000_000L : giveWay.pauseNanos();
                    if (pause > 0 && metrics.epoch() < options.epochs() && run.pause(pause)) {
                        stoppedBy[0] = run.cancelReason();
                        return false;
                    }
                    giveWay.resume();
                    return true;
                });
        Evaluation test = Evaluator.evaluate(
                trained.classifier(),
                scaled.testX(),
                scaled.testY(),
                split.train().classNames());
        String stop = stopKeyword(stoppedBy[0], trained);
        String reason = switch (stop) {
            case "disconnected" ->
                "stopped after epoch " + trained.history().size() + ": the client following the run disconnected";
            case "cancelled" -> "stopped after epoch " + trained.history().size() + ": cancelled by a client";
            case "time-limit" ->
                "stopped after epoch " + trained.history().size() + ": the time limit of "
                        + config.maxDuration().toSeconds() + " s was reached";
            default -> trained.stopReason();
        };
        boolean cancelled = stop.equals("disconnected") || stop.equals("cancelled");
        boolean servable = !cancelled && !stop.equals(MlpTrainer.DIVERGED);
        TrainingSummary summary = new TrainingSummary(
                run.id(),
                cancelled ? "cancelled" : "completed",
                stop,
                reason,
                trained.history().size(),
                observer.bestEpoch(),
                trained.keptEpoch(),
                observer.overfittingFrom() > 0 ? observer.overfittingFrom() : null,
                elapsedMs(start),
                test,
                observations(run.history(), stop, reason));
        ServedModel model = servable ? servedModel(run, split, scaler, trained, test, reason) : null;
        return new Outcome(summary, model, example(split.test()));
    }

    private static String stopKeyword(String stoppedBy, TrainedClassifier trained) {
        if (stoppedBy != null) {
            return stoppedBy;
        }
        if (trained.stopReason().startsWith(MlpTrainer.DIVERGED)) {
            return MlpTrainer.DIVERGED;
        }
        return trained.stopReason().startsWith("early stop") ? "early-stop" : "epochs";
    }

    /** Lists the epochs that showed something, the last one with why the run stopped. */
    private static List<TrainingEpoch> observations(List<TrainingEpoch> history, String stop, String reason) {
        List<TrainingEpoch> notable = new ArrayList<>();
        for (int i = 0; i < history.size() - 1; i++) {
            if (history.get(i).observation() != null) {
                notable.add(history.get(i));
            }
        }
        if (!history.isEmpty()) {
            TrainingEpoch last = history.getLast();
            String end = switch (stop) {
                case "early-stop" -> "Early stop: " + reason.substring("early stop: ".length());
                case "epochs" -> "Last epoch: " + reason;
                default -> "Stopped: " + reason;
            };
            notable.add(last.withObservation(last.observation() == null ? end : last.observation() + "; " + end));
        }
        return notable;
    }

    private ServedModel servedModel(
            TrainingRun run,
            Split split,
            Standardizer scaler,
            TrainedClassifier trained,
            Evaluation test,
            String reason) {
        TrainingOptions options = run.options();
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put(
                "layers",
                List.of(
                        split.train().featureNames().size(),
                        options.hiddenUnits(),
                        split.train().classNames().size()));
        hyperparameters.put("output", "softmax, cross-entropy loss");
        hyperparameters.putAll(options.asMap());
        hyperparameters.remove("pace_ms");
        hyperparameters.put("training_run", run.id());
        hyperparameters.put("kept_epoch", trained.keptEpoch());
        List<EpochMetrics> history = trained.history();
        String description = "A multilayer perceptron trained in the training lab (run %s) on %s, %d epochs."
                .formatted(run.id(), split.train().info().title(), history.size());
        return new ServedModel(
                "run-" + run.id(),
                run.id(),
                "mlp",
                description,
                split.train().info(),
                scaler,
                trained.classifier(),
                ModelFactory.ranges(split.train()),
                hyperparameters,
                ModelFactory.splitSizes(split),
                history,
                reason,
                test);
    }

    /**
     * Keeps exactly {@code rows} rows, the first of every class in the split's shuffled order, shared out between
     * the classes by their sizes (largest remainder first) with at least one row each.
     */
    static Dataset stratifiedHead(Dataset train, int rows) {
        int classes = train.classNames().size();
        int[] perClass = new int[classes];
        for (int label : train.labels()) {
            perClass[label]++;
        }
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int given = 0;
        for (int k = 0; k < classes; k++) {
            double share = (double) perClass[k] * rows / train.size();
            quota[k] = Math.min(perClass[k], Math.max(1, (int) Math.floor(share)));
            remainder[k] = share - Math.floor(share);
            given += quota[k];
        }
        while (given < rows) {
            int next = -1;
            for (int k = 0; k < classes; k++) {
                if (quota[k] < perClass[k] && (next < 0 || remainder[k] > remainder[next])) {
                    next = k;
                }
            }
            quota[next]++;
            remainder[next] = -1;
            given++;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            int label = train.labels()[i];
            if (quota[label] > 0) {
                quota[label]--;
                kept.add(i);
            }
        }
        return train.subset(kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Returns the first test row as a request body would name it, for the learner's first prediction. */
    private static Map<String, Double> example(Dataset test) {
        Map<String, Double> example = new LinkedHashMap<>();
        for (int j = 0; j < test.featureNames().size(); j++) {
            example.put(test.featureNames().get(j), test.features()[0][j]);
        }
        return example;
    }

    private static double elapsedMs(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
