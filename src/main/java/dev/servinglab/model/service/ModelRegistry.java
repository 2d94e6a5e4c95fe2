package dev.servinglab.model.service;

import dev.servinglab.model.ModelConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Holds the models being served, by name. The built-in models are trained when the app starts, so the app is
 * ready only once they are. Training runs on a thread of its own, started before the other startup work, which
 * goes on meanwhile (the lessons are read while the models train) and waits for the models only where it needs
 * them. Training runs promoted by learners join the built-in models, up to a bound: the oldest promoted model
 * makes way for a new one, and the built-in models are never replaced.
 */
@Startup(ModelRegistry.STARTUP_PRIORITY)
@ApplicationScoped
public class ModelRegistry {

    /** Created before the other startup beans, so that training starts first. */
    static final int STARTUP_PRIORITY = ObserverMethod.DEFAULT_PRIORITY - 100;

    /** The Open Inference Protocol name of the default model. */
    public static final String OIP_ALIAS = "iris";

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final CompletableFuture<Void> training;
    // Copy on write: lookups on the predict path read a stable map without locking.
    private volatile Map<String, ServedModel> models;
    private volatile ServedModel defaultModel;
    private volatile Set<String> builtIns = Set.of();

    ModelRegistry(BuiltInModels startup, ModelConfig config) {
        this.training = CompletableFuture.runAsync(
                () -> train(startup, config),
                task -> Thread.ofPlatform().name("model-training").start(task));
    }

    private void train(BuiltInModels startup, ModelConfig config) {
        long start = System.nanoTime();
        Map<String, ServedModel> trained = new LinkedHashMap<>();
        for (ServedModel model : startup.train()) {
            trained.put(model.name(), model);
            LOG.infof(
                    "Trained %s: test accuracy %.3f", model.name(), model.test().accuracy());
        }
        this.defaultModel = Optional.ofNullable(trained.get(config.defaultModel()))
                .orElseThrow(() -> new IllegalStateException("serving-lab.model.default-model names no model: "
                        + config.defaultModel() + "; known: " + trained.keySet()));
        this.builtIns = Set.copyOf(trained.keySet());
        this.models = Collections.unmodifiableMap(trained);
        LOG.infof("Models ready in %.0f ms", (System.nanoTime() - start) / 1e6);
    }

    /**
     * Waits for the startup training; the app does not start if it failed.
     */
    void awaitTraining(@Observes StartupEvent event) {
        ready();
    }

    private void ready() {
        if (models == null) {
            try {
                training.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Tells, without waiting, whether the startup training has finished and the models are served. */
    public boolean isReady() {
        return models != null;
    }

    /** Returns the model served when a request names none. */
    public ServedModel defaultModel() {
        ready();
        return defaultModel;
    }

    /**
     * Finds a model by name; {@code null} or an empty name means the default model, and {@value #OIP_ALIAS}
     * is another name for it.
     */
    public Optional<ServedModel> find(String name) {
        ready();
        if (name == null || name.isEmpty() || name.equals(OIP_ALIAS)) {
            return Optional.of(defaultModel);
        }
        return Optional.ofNullable(models.get(name));
    }

    /**
     * Finds a model by name like {@link #find(String)}, or fails.
     *
     * @throws UnknownModelException if no model has that name
     */
    public ServedModel require(String name) {
        ServedModel model = find(name).orElse(null);
        if (model == null) { // find() has waited for the models
            throw new UnknownModelException(name, models.keySet());
        }
        return model;
    }

    /** Returns every model, built-in ones first, then the promoted ones from the oldest. */
    public Collection<ServedModel> all() {
        ready();
        return models.values();
    }

    /** Tells whether the name is one of the models trained at startup (as opposed to a promoted run). */
    public boolean isBuiltIn(String name) {
        ready();
        return builtIns.contains(name);
    }

    /**
     * Serves a promoted model under its name, evicting the oldest promoted models while more than
     * {@code maxPromoted} would be served.
     *
     * @return the names of the models evicted to make room, oldest first
     * @throws IllegalArgumentException if the name is taken by another model
     */
    public synchronized List<String> promote(ServedModel model, int maxPromoted) {
        ready();
        ServedModel existing = models.get(model.name());
        if (existing != null) {
            throw new IllegalArgumentException("a model named " + model.name() + " is already served");
        }
        Map<String, ServedModel> next = new LinkedHashMap<>(models);
        List<String> evicted = new ArrayList<>();
        List<String> promoted = new ArrayList<>(next.keySet());
        promoted.removeAll(builtIns);
        while (promoted.size() >= Math.max(1, maxPromoted)) {
            String oldest = promoted.removeFirst();
            next.remove(oldest);
            evicted.add(oldest);
        }
        next.put(model.name(), model);
        models = Collections.unmodifiableMap(next);
        evicted.forEach(name -> LOG.infof("Model %s no longer served: the promoted models are bounded", name));
        LOG.infof("Promoted %s: test accuracy %.3f", model.name(), model.test().accuracy());
        return evicted;
    }
}
