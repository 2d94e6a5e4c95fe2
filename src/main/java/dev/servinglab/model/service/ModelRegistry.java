package dev.servinglab.model.service;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import org.jboss.logging.Logger;

import dev.servinglab.model.config.ModelConfig;
import dev.servinglab.web.problem.UnknownModelException;

/**
 * Holds the models being served, by name. The built-in models are trained when the app starts, so the app is
 * ready only once they are.
 */
@Startup
@ApplicationScoped
public class ModelRegistry {

    /** The Open Inference Protocol name of the default model. */
    public static final String OIP_ALIAS = "iris";

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    // Copy on write: lookups on the predict path read a stable map without locking.
    private volatile Map<String, ServedModel> models;
    private final ServedModel defaultModel;

    ModelRegistry(ModelFactory factory, ModelConfig config) {
        long start = System.nanoTime();
        Map<String, ServedModel> trained = new LinkedHashMap<>();
        for (ServedModel model : factory.trainBuiltIns()) {
            trained.put(model.name(), model);
            LOG.infof("Trained %s: test accuracy %.3f", model.name(), model.test().accuracy());
        }
        this.models = Collections.unmodifiableMap(trained);
        this.defaultModel = Optional.ofNullable(trained.get(config.defaultModel())).orElseThrow(
                () -> new IllegalStateException("serving-lab.model.default-model names no model: "
                        + config.defaultModel() + "; known: " + trained.keySet()));
        LOG.infof("Models ready in %.0f ms", (System.nanoTime() - start) / 1e6);
    }

    /** Returns the model served when a request names none. */
    public ServedModel defaultModel() {
        return defaultModel;
    }

    /**
     * Finds a model by name; {@code null} or an empty name means the default model, and {@value #OIP_ALIAS}
     * is another name for it.
     */
    public Optional<ServedModel> find(String name) {
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
        if (model == null) {
            throw new UnknownModelException(name, models.keySet());
        }
        return model;
    }

    /** Returns every model, built-in ones first. */
    public Collection<ServedModel> all() {
        return models.values();
    }
}
