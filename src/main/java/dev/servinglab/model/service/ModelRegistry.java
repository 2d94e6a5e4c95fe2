package dev.servinglab.model.service;

import dev.servinglab.model.ModelConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Holds the models being served, by name. The built-in models are trained when the app starts, so the app is
 * ready only once they are. Training runs on a thread of its own, started before the other startup work, which
 * goes on meanwhile (the lessons are read while the models train) and waits for the models only where it needs
 * them. Training runs promoted by learners join the built-in models, up to a bound: the least recently used
 * promoted model makes way for another, and the built-in models are never replaced. Promoted models are also kept
 * by {@link PromotedModels}, where every instance can read them: a name this instance does not hold is loaded from
 * there on demand, once however many requests ask for it at the same time.
 */
@Startup(ModelRegistry.STARTUP_PRIORITY)
@ApplicationScoped
public class ModelRegistry {

    /** Created before the other startup beans, so that training starts first. */
    static final int STARTUP_PRIORITY = ObserverMethod.DEFAULT_PRIORITY - 100;

    /** The Open Inference Protocol name of the default model. */
    public static final String OIP_ALIAS = "iris";

    /** How long a name the store does not hold is answered 404 without asking the store again. */
    static final long UNKNOWN_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The most unknown names remembered: a client making names up must not fill the memory. */
    static final int MAX_UNKNOWN = 1024;

    /** How long a request waits for a model to load before it is answered 503. */
    private static final long LOAD_TIMEOUT_SECONDS = 10;

    /** How long the answer 503 asks a client to wait before trying again, in seconds. */
    private static final long RETRY_SECONDS = 5;

    /** The least time between two updates of a model's last use: most lookups then only read it. */
    static final long TOUCH_NANOS = 1_000_000;

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final CompletableFuture<Void> training;
    private final PromotedModels store;
    private final LongSupplier clock;
    // Copy on write: lookups on the predict path read a stable map without locking.
    private volatile Map<String, Entry> entries;
    private volatile List<ServedModel> models;
    private volatile ServedModel defaultModel;
    private volatile Set<String> builtIns = Set.of();
    /** The loads under way, by name: the requests that name the same model wait for the one load. */
    private final Map<String, CompletableFuture<Optional<ServedModel>>> loads = new ConcurrentHashMap<>();
    /** Names the store did not hold, with when to ask it again, by {@link #clock}. */
    private final Map<String, Long> unknown = new ConcurrentHashMap<>();
    // Loads wait for the database, which request threads (event loops among them) must not do themselves.
    private final Executor loader = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("model-load-", 0).factory());

    @Inject
    ModelRegistry(BuiltInModels startup, ModelConfig config, PromotedModels store) {
        this(startup, config, store, System::nanoTime);
    }

    /** Creates a registry that tells time by the given clock, in nanoseconds: tests move it themselves. */
    ModelRegistry(BuiltInModels startup, ModelConfig config, PromotedModels store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
        this.training = CompletableFuture.runAsync(
                () -> train(startup, config),
                task -> Thread.ofPlatform().name("model-training").start(task));
    }

    /** Holds a served model and when it was last asked for, which decides the promoted model that makes way. */
    private final class Entry {

        final ServedModel model;
        final boolean builtIn;
        volatile long lastUsed = clock.getAsLong();

        Entry(ServedModel model, boolean builtIn) {
            this.model = model;
            this.builtIn = builtIn;
        }

        ServedModel use() {
            if (!builtIn) {
                long now = clock.getAsLong();
                if (now - lastUsed > TOUCH_NANOS) {
                    lastUsed = now;
                }
            }
            return model;
        }
    }

    private void train(BuiltInModels startup, ModelConfig config) {
        long start = System.nanoTime();
        Map<String, Entry> trained = new LinkedHashMap<>();
        for (ServedModel model : startup.train()) {
            trained.put(model.name(), new Entry(model, true));
            LOG.infof(
                    "Trained %s: test accuracy %.3f", model.name(), model.test().accuracy());
        }
        this.defaultModel = Optional.ofNullable(trained.get(config.defaultModel()))
                .map(entry -> entry.model)
                .orElseThrow(() -> new IllegalStateException("serving-lab.model.default-model names no model: "
                        + config.defaultModel() + "; known: " + trained.keySet()));
        this.builtIns = Set.copyOf(trained.keySet());
        publish(trained);
        LOG.infof("Models ready in %.0f ms", (System.nanoTime() - start) / 1e6);
    }

    /** Serves the given models from now on; {@link #models} is written last, as {@link #isReady()} reads it. */
    private void publish(Map<String, Entry> next) {
        this.entries = Collections.unmodifiableMap(next);
        this.models = next.values().stream().map(entry -> entry.model).toList();
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
     * is another name for it. A name this instance does not hold is looked up in the store of promoted models
     * (and, if found, served from then on); a name the store did not hold either is answered empty for a second
     * without asking again.
     *
     * @throws ModelStoreUnavailableException if the store cannot be read
     */
    public Optional<ServedModel> find(String name) {
        ready();
        if (namesDefault(name)) {
            return Optional.of(defaultModel);
        }
        Entry entry = entries.get(name);
        if (entry != null) {
            return Optional.of(entry.use());
        }
        if (knownUnknown(name)) {
            return Optional.empty();
        }
        return await(name, load(name));
    }

    /**
     * Finds a model by name among those this instance holds in memory, without asking the store: what a refused
     * request is counted under, where a lookup in the store would cost a refusal a query.
     */
    public Optional<ServedModel> held(String name) {
        ready();
        if (namesDefault(name)) {
            return Optional.of(defaultModel);
        }
        return Optional.ofNullable(entries.get(name)).map(entry -> entry.model);
    }

    /**
     * Starts loading a model this instance does not hold, without waiting for it, and returns the load: once it
     * ends, {@link #find(String)} answers from memory. Returns empty when there is nothing to wait for (the name is
     * held, recently unknown, or the models are not trained yet), so that a request thread that must not block (an
     * event loop) can wait for the load without holding the thread. The load fails, as {@link #find(String)} does,
     * with {@link ModelStoreUnavailableException} when the store cannot be read or takes too long.
     */
    public Optional<CompletionStage<?>> loading(String name) {
        if (!isReady() || namesDefault(name) || entries.containsKey(name) || knownUnknown(name)) {
            return Optional.empty();
        }
        CompletableFuture<Optional<ServedModel>> load = load(name);
        // A copy: the timeout is this waiter's, not the load's, which other requests share.
        return Optional.of(load.copy()
                .orTimeout(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(unavailable(
                        name, failure instanceof CompletionException wrapped ? wrapped.getCause() : failure))));
    }

    /**
     * Finds a model by name like {@link #find(String)}, or fails.
     *
     * @throws UnknownModelException if no model has that name
     */
    public ServedModel require(String name) {
        ServedModel model = find(name).orElse(null);
        if (model == null) { // find() has waited for the models
            throw new UnknownModelException(name, entries.keySet());
        }
        return model;
    }

    /** Returns every model this instance holds, built-in ones first, then the promoted ones as they came. */
    public Collection<ServedModel> all() {
        ready();
        return models;
    }

    /** Tells whether the name is one of the models trained at startup (as opposed to a promoted run). */
    public boolean isBuiltIn(String name) {
        ready();
        return builtIns.contains(name);
    }

    /**
     * Serves a promoted model under its name, letting the least recently used promoted models go from memory while
     * more than {@link PromotedModels#maxInMemory()} would be held; the store keeps them, so they are loaded again
     * when asked for.
     *
     * @return the names of the models let go from memory, least recently used first
     * @throws IllegalArgumentException if the name is taken by another model
     */
    public synchronized List<String> promote(ServedModel model) {
        ready();
        if (entries.containsKey(model.name())) {
            throw new IllegalArgumentException("a model named " + model.name() + " is already served");
        }
        List<String> released = hold(model);
        LOG.infof("Promoted %s: test accuracy %.3f", model.name(), model.test().accuracy());
        return released;
    }

    /**
     * Stops serving promoted models from this instance's memory: they are no longer promoted, or a test wants them
     * loaded from the store again. Built-in models stay.
     */
    public synchronized void forget(Collection<String> names) {
        ready();
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        boolean changed = false;
        for (String name : names) {
            if (!builtIns.contains(name)) {
                changed |= next.remove(name) != null;
            }
        }
        if (changed) {
            publish(next);
        }
    }

    /** Holds a promoted model in memory, unless one of that name is already held; returns the names let go. */
    private synchronized List<String> hold(ServedModel model) {
        unknown.remove(model.name());
        if (entries.containsKey(model.name())) {
            return List.of();
        }
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        List<String> released = new ArrayList<>();
        int promoted = next.size() - builtIns.size();
        while (promoted >= Math.max(1, store.maxInMemory())) {
            Entry oldest = next.values().stream()
                    .filter(entry -> !entry.builtIn)
                    .min(Comparator.comparingLong(entry -> entry.lastUsed))
                    .orElseThrow();
            next.remove(oldest.model.name());
            released.add(oldest.model.name());
            promoted--;
        }
        next.put(model.name(), new Entry(model, false));
        publish(next);
        released.forEach(name -> LOG.infof(
                "Model %s let go from memory, the least recently used of the promoted models; the store keeps it",
                name));
        return released;
    }

    /** Returns the load of a name under way, or starts one: the requests that name the same model share it. */
    private CompletableFuture<Optional<ServedModel>> load(String name) {
        CompletableFuture<Optional<ServedModel>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ServedModel>> load = loads.putIfAbsent(name, mine);
        if (load == null) {
            startLoad(name, mine);
            return mine;
        }
        return load;
    }

    /** Tells whether a requested name means the default model: none, or the Open Inference Protocol's alias. */
    private static boolean namesDefault(String name) {
        return name == null || name.isEmpty() || name.equals(OIP_ALIAS);
    }

    /** Tells whether the store recently did not hold the name. */
    private boolean knownUnknown(String name) {
        Long until = unknown.get(name);
        if (until == null) {
            return false;
        }
        if (clock.getAsLong() - until < 0) {
            return true;
        }
        unknown.remove(name, until);
        return false;
    }

    /**
     * Loads a model on a thread of its own. The load leaves {@link #loads} before its answer is given: a request that
     * comes later must not take an answer already decided (the unknown name's second is over, say), but decide anew
     * from what the load left (the model held, or the name known unknown).
     */
    private void startLoad(String name, CompletableFuture<Optional<ServedModel>> load) {
        try {
            loader.execute(() -> {
                Optional<ServedModel> loaded;
                try {
                    loaded = loadAndHold(name);
                } catch (RuntimeException | Error e) {
                    loads.remove(name, load);
                    load.completeExceptionally(e);
                    return;
                }
                loads.remove(name, load);
                load.complete(loaded);
            });
        } catch (RuntimeException | OutOfMemoryError e) { // no thread to load on: fail those waiting, not hang
            loads.remove(name, load);
            load.completeExceptionally(e);
        }
    }

    private Optional<ServedModel> loadAndHold(String name) {
        // A load that ended just before this one started has already decided.
        Entry held = entries.get(name);
        if (held != null) {
            return Optional.of(held.model);
        }
        if (knownUnknown(name)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Optional<ServedModel> found = store.load(name);
        if (found.isEmpty()) {
            if (unknown.size() >= MAX_UNKNOWN) {
                unknown.clear();
            }
            unknown.put(name, clock.getAsLong() + UNKNOWN_FOR_NANOS);
            return found;
        }
        hold(found.get());
        LOG.infof("Loaded promoted model %s from the store in %.0f ms", name, (System.nanoTime() - start) / 1e6);
        // The one held: a promotion of the same name may have come first.
        return Optional.ofNullable(entries.get(name)).map(entry -> entry.model).or(() -> found);
    }

    private static Optional<ServedModel> await(String name, CompletableFuture<Optional<ServedModel>> load) {
        try {
            return load.get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unavailable(name, e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelStoreUnavailableException(name, RETRY_SECONDS);
        }
    }

    /** Logs why a model could not be loaded and returns the refusal a request gets: 503, try again later. */
    private static ModelStoreUnavailableException unavailable(String name, Throwable cause) {
        if (cause instanceof TimeoutException) {
            LOG.errorf("Loading the promoted model %s took more than %d s", name, LOAD_TIMEOUT_SECONDS);
        } else {
            LOG.errorf(cause, "Cannot load the promoted model %s from the store", name);
        }
        return new ModelStoreUnavailableException(name, RETRY_SECONDS);
    }
}
