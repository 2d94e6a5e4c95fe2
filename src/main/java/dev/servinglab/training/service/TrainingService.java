package dev.servinglab.training.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.StopCause;
import dev.servinglab.training.TrainingConfig;
import dev.servinglab.web.problem.ConflictException;
import dev.servinglab.web.problem.ResourceNotFoundException;
import dev.servinglab.web.problem.ServerStoppingException;
import dev.servinglab.web.problem.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Runs the learners' trainings: each on a thread of its own, at a lower priority than the threads serving
 * requests, when a {@link TrainingSlots slot} is free; keeps them in {@link TrainingRuns}, and promotes the ones
 * worth serving to served models.
 */
@ApplicationScoped
public class TrainingService {

    private static final Logger LOG = Logger.getLogger(TrainingService.class);
    /** When a stopped server may be back (a restart), in seconds: what a refusal while it stops advises. */
    private static final long STOPPING_RETRY_SECONDS = 10;

    private final TrainingConfig config;
    private final TrainingRuns runs;
    private final TrainingSlots slots;
    private final RunTrainer trainer;
    private final RunDeliveries deliveries;
    private final ModelRegistry registry;
    private final StoredModels stored;
    private final ObjectMapper json;
    private final TrainingRequestReader reader;
    private final SecureRandom ids = new SecureRandom();

    TrainingService(
            TrainingConfig config,
            TrainingRuns runs,
            TrainingSlots slots,
            RunTrainer trainer,
            RunDeliveries deliveries,
            ModelRegistry registry,
            StoredModels stored,
            ObjectMapper json) {
        this.config = config;
        this.runs = runs;
        this.slots = slots;
        this.trainer = trainer;
        this.deliveries = deliveries;
        this.registry = registry;
        this.stored = stored;
        this.json = json;
        this.reader = new TrainingRequestReader(Hyperparameter.Limits.of(config));
    }

    /** Returns the reader of training requests, with this server's limits. */
    public TrainingRequestReader reader() {
        return reader;
    }

    /**
     * Starts a run on a thread of its own, if a training slot is free.
     *
     * @throws TooManyRequestsException if every training slot is taken
     * @throws ServerStoppingException if the server is stopping
     */
    public TrainingRun start(TrainingOptions options) {
        if (runs.stopping()) {
            throw new ServerStoppingException(
                    "The server is stopping; start the run again once it is back.", STOPPING_RETRY_SECONDS);
        }
        slots.take();
        TrainingRun run = new TrainingRun(
                newId(), options, deliveries, config.disconnectGrace(), config.maxFollowers(), this::json);
        runs.remember(run);
        try {
            // A thread per run (the slots bound them): no pool, so no queue lock shared with request threads.
            Thread.ofPlatform().name("training-" + run.id()).daemon(true).start(() -> {
                BackgroundPriority.lowerCurrentThread();
                execute(run);
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            runs.forget(run);
            slots.free();
            throw e;
        }
        return run;
    }

    /** Finds a run by id, running or kept. */
    public Optional<TrainingRun> find(String id) {
        return runs.find(id);
    }

    /**
     * Returns a run by id, running or kept.
     *
     * @throws ResourceNotFoundException if no run has that id, or it has been forgotten
     */
    public TrainingRun require(String id) {
        return runs.find(id)
                .orElseThrow(() -> new ResourceNotFoundException("No training run has the id '" + id
                        + "'. The server keeps the most recent runs; start one with POST /api/v1/trainings."));
    }

    /**
     * Serves a completed run's model through the predict API, the trace and the model card, under the given
     * name or {@code run-<id>}, from this instance's memory and from the database, where any instance loads it when
     * asked for it. Promoting a run again answers with the model it is already served as.
     *
     * @throws ConflictException if the run has no model worth serving, or the name is taken
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
            throw new ConflictException(whyNotServable(run));
        }
        String served = name == null ? trained.name() : name;
        // find() also knows the protocol's alias of the default model, so no name of a served model is reused.
        if (registry.find(served).isPresent()) {
            throw new ConflictException("A model named " + served + " is already served; choose another name.");
        }
        ServedModel model = trained.withName(served);
        List<String> retired;
        try {
            retired = stored.keep(run, model);
        } catch (PersistenceException e) {
            if (nameTaken(e)) { // promoted under that name by another instance since find() looked
                throw new ConflictException("A model named " + served + " is already served; choose another name.");
            }
            throw e;
        }
        registry.promote(model);
        // Deleted from the store: no instance loads them any more, and this one stops serving them now.
        registry.forget(retired);
        retired.forEach(gone -> LOG.infof("Model %s retired: the store keeps the newest promoted models", gone));
        run.promotedAs(served);
        return Promotion.of(run, model, retired, true);
    }

    private static boolean nameTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static String whyNotServable(TrainingRun run) {
        TrainingSummary summary = run.summary();
        if (summary == null) {
            return "Run " + run.id() + " is still training; promote it once its summary has arrived.";
        }
        return switch (summary.stop()) {
            case CANCELLED, DISCONNECTED ->
                "Run " + run.id() + " was cancelled; only a run that ended by itself is served.";
            case DIVERGED ->
                "Run " + run.id() + " diverged (its loss stopped being a number); its model is not worth serving. "
                        + "Train again with a smaller learning rate.";
            default -> "Run " + run.id() + " failed; it has no model to serve.";
        };
    }

    /**
     * Trains, then frees the slot before the run reads as ended, so that a client starting its next run as soon
     * as it sees the summary finds the slot free. Whatever goes wrong, the run ends and its slot is freed.
     */
    private void execute(TrainingRun run) {
        long start = System.nanoTime();
        RunTrainer.Outcome outcome;
        try {
            outcome = trainer.train(run, start);
        } catch (Throwable e) {
            slots.free();
            fail(run, start, e);
            return;
        }
        slots.free();
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
                outcome.summary().stop().keyword(),
                outcome.summary().epochsRun(),
                outcome.summary().test().accuracy());
    }

    private static void fail(TrainingRun run, long start, Throwable cause) {
        LOG.errorf(cause, "Training run %s failed", run.id());
        run.fail(new TrainingSummary(
                run.id(),
                StopCause.ERROR,
                "the run failed on the server; please report it",
                run.epochsRun(),
                0,
                0,
                null,
                (System.nanoTime() - start) / 1e6,
                null,
                List.of()));
    }

    private String newId() {
        // 64 random bits: a run's id is all it takes to follow, cancel or promote it, so it cannot be guessed.
        byte[] bytes = new byte[8];
        ids.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String json(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a training event as JSON", e);
        }
    }
}
