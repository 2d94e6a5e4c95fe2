package dev.servinglab.model.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.model.ModelConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FakeStore store = new FakeStore();

    @Test
    void isNotReadyWhileTheModelsTrain() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThat(ModelRegistries.trainingUntil(release).isReady(), is(false));
        } finally {
            release.countDown();
        }
    }

    @Test
    void concurrentRequestsForAModelItDoesNotHoldWaitForOneLoadFromTheStore() throws Exception {
        ModelRegistry registry = registry();
        ServedModel stored = model("run-a");
        store.kept.put("run-a", stored);
        store.gate = new CountDownLatch(1);
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<ServedModel>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(requests.submit(() -> registry.find("run-a")));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> store.loads.get() == 1);
            store.gate.countDown();
            for (Future<Optional<ServedModel>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).orElseThrow(), sameInstance(stored));
            }
        } finally {
            requests.shutdownNow();
        }
        assertThat(registry.find("run-a").orElseThrow(), sameInstance(stored));
        assertThat(store.loads.get(), equalTo(1));
        assertThat(names(registry), contains("mlp", "run-a"));
    }

    @Test
    void aLoadCanBeWaitedForWithoutHoldingTheThreadThatAsks() throws Exception {
        ModelRegistry registry = registry();
        ServedModel stored = model("run-a");
        store.kept.put("run-a", stored);
        store.gate = new CountDownLatch(1);

        // Answered at once while the store holds the load: an event loop asking is not held up.
        CompletableFuture<?> load = registry.loading("run-a").orElseThrow().toCompletableFuture();
        CompletableFuture<?> second = registry.loading("run-a").orElseThrow().toCompletableFuture();
        assertThat(load.isDone(), is(false));
        assertThat(registry.held("run-a"), equalTo(Optional.empty()));

        store.gate.countDown();
        load.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(store.loads.get(), equalTo(1));
        assertThat(registry.held("run-a").orElseThrow(), sameInstance(stored));
        // Nothing to wait for: held, the default model's names, or not trained yet.
        assertThat(registry.loading("run-a"), equalTo(Optional.empty()));
        assertThat(registry.loading(null), equalTo(Optional.empty()));
        assertThat(registry.loading(ModelRegistry.OIP_ALIAS), equalTo(Optional.empty()));
        assertThat(store.loads.get(), equalTo(1));
    }

    @Test
    void aLoadWaitedForWithoutHoldingTheThreadFailsUnavailableWhenTheStoreCannotBeRead() {
        ModelRegistry registry = registry();
        store.failure = new IllegalStateException("the database is down");
        CompletableFuture<?> load = registry.loading("run-a").orElseThrow().toCompletableFuture();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> load.get(10, TimeUnit.SECONDS));
        assertThat(failed.getCause(), instanceOf(ModelStoreUnavailableException.class));
        assertThat(registry.held("run-a"), equalTo(Optional.empty()));
    }

    @Test
    void heldNeverAsksTheStore() {
        ModelRegistry registry = registry();
        assertThat(registry.held("run-a"), equalTo(Optional.empty()));
        assertThat(registry.held(null).orElseThrow().name(), equalTo("mlp"));
        assertThat(store.loads.get(), equalTo(0));
    }

    @Test
    void aNameTheStoreDoesNotHoldIsAskedForAtMostOnceASecond() {
        ModelRegistry registry = registry();
        assertThat(registry.find("run-none"), equalTo(Optional.empty()));
        assertThat(registry.find("run-none"), equalTo(Optional.empty()));
        assertThat(store.loads.get(), equalTo(1));
        UnknownModelException unknown = assertThrows(UnknownModelException.class, () -> registry.require("run-none"));
        assertThat(unknown.getMessage(), containsString("'run-none'"));
        assertThat(store.loads.get(), equalTo(1));

        now.addAndGet(ModelRegistry.UNKNOWN_FOR_NANOS + 1);
        store.kept.put("run-none", model("run-none")); // promoted meanwhile by another instance
        assertThat(registry.find("run-none").orElseThrow().name(), equalTo("run-none"));
        assertThat(store.loads.get(), equalTo(2));
    }

    @Test
    void builtInModelsNeverGoToTheStoreNorLeaveMemory() {
        ModelRegistry registry = registry();
        registry.forget(List.of("mlp"));
        assertThat(registry.find("mlp").orElseThrow().name(), equalTo("mlp"));
        assertThat(registry.find(ModelRegistry.OIP_ALIAS).orElseThrow().name(), equalTo("mlp"));
        assertThat(store.loads.get(), equalTo(0));
    }

    @Test
    void theLeastRecentlyUsedPromotedModelMakesWayAndIsLoadedAgainWhenAskedFor() {
        ModelRegistry registry = registry();
        store.max = 2;
        assertThat(registry.promote(model("a")), is(empty()));
        tick();
        assertThat(registry.promote(model("b")), is(empty()));
        tick();
        registry.find("a"); // a is now more recent than b
        tick();
        assertThat(registry.promote(model("c")), contains("b"));
        assertThat(names(registry), contains("mlp", "a", "c"));
        assertThat(store.loads.get(), equalTo(0));

        store.kept.put("b", model("b"));
        tick();
        assertThat(registry.find("b").orElseThrow().name(), equalTo("b"));
        assertThat(store.loads.get(), equalTo(1));
        assertThat(names(registry), contains("mlp", "c", "b")); // a, used before c was promoted, made way
    }

    @Test
    void aStoreThatCannotBeReadAnswersUnavailableNotUnknown() {
        ModelRegistry registry = registry();
        store.failure = new IllegalStateException("the database is down");
        ModelStoreUnavailableException unavailable =
                assertThrows(ModelStoreUnavailableException.class, () -> registry.find("run-a"));
        assertThat(unavailable.getMessage(), containsString("'run-a'"));
        assertThat(unavailable.retryAfterSeconds() > 0, is(true));

        // A failure is not remembered as "unknown": the next request asks again.
        store.failure = null;
        store.kept.put("run-a", model("run-a"));
        assertThat(registry.find("run-a").orElseThrow().name(), equalTo("run-a"));
    }

    @Test
    void aForgottenPromotedModelIsLoadedAgain() {
        ModelRegistry registry = registry();
        ServedModel promoted = model("run-a");
        registry.promote(promoted);
        store.kept.put("run-a", model("run-a"));
        registry.forget(List.of("run-a"));
        assertThat(names(registry), contains("mlp"));
        assertThat(registry.find("run-a").orElseThrow(), sameInstance(store.kept.get("run-a")));
        assertThat(store.loads.get(), equalTo(1));
    }

    private void tick() {
        now.addAndGet(2 * ModelRegistry.TOUCH_NANOS);
    }

    private static List<String> names(ModelRegistry registry) {
        return registry.all().stream().map(ServedModel::name).toList();
    }

    private ModelRegistry registry() {
        BuiltInModels builtIn = new BuiltInModels(null, null) {
            @Override
            public List<ServedModel> train() {
                return List.of(model("mlp"));
            }
        };
        ModelConfig config = (ModelConfig) Proxy.newProxyInstance(
                ModelConfig.class.getClassLoader(),
                new Class<?>[] {ModelConfig.class},
                (proxy, method, args) -> method.getName().equals("defaultModel") ? "mlp" : null);
        ModelRegistry registry = new ModelRegistry(builtIn, config, store, now::get);
        registry.defaultModel(); // waits for the startup training
        return registry;
    }

    /** Returns a model that answers class 0: what it answers does not matter to the registry. */
    private static ServedModel model(String name) {
        Evaluation.Average perfect = new Evaluation.Average(1, 1, 1);
        Evaluation test = new Evaluation(1, 1.0, List.of("a"), new int[][] {{1}}, List.of(), perfect, perfect);
        return new ServedModel(
                name,
                "1",
                "test",
                "A model for the registry's tests",
                null,
                null,
                (x, probabilities) -> 0,
                List.of(),
                Map.of(),
                Map.of(),
                List.of(),
                "done",
                test,
                null);
    }

    /** Keeps models in a map, counts the loads, and can hold a load or fail it. */
    private static final class FakeStore implements PromotedModels {
        final Map<String, ServedModel> kept = new ConcurrentHashMap<>();
        final AtomicInteger loads = new AtomicInteger();
        volatile CountDownLatch gate;
        volatile RuntimeException failure;
        volatile int max = 10;

        @Override
        public Optional<ServedModel> load(String name) {
            loads.incrementAndGet();
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(kept.get(name));
        }

        @Override
        public int maxInMemory() {
            return max;
        }
    }
}
