package dev.servinglab.evaluation.seedsweep.service;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import dev.servinglab.model.service.BuiltInModels;
import dev.servinglab.model.service.EpochListener;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.Evaluator;
import dev.servinglab.model.service.LogisticTrainer;
import dev.servinglab.model.service.MlpTrainer;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ScaledSplit;
import dev.servinglab.model.service.Standardizer;
import dev.servinglab.model.service.TrainedClassifier;
import dev.servinglab.model.service.UnknownModelException;
import dev.servinglab.training.service.BackgroundPriority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

/**
 * Trains a built-in model's recipe again with {@value #SEED_COUNT} other seeds and reports how much its test accuracy
 * moves: how noisy one score on a small test split is. Each seed draws another split, other starting weights and
 * another shuffle, exactly as the configured seed does for the served model. The sweep is deterministic, so each
 * model's is computed once, on first demand, on a background thread of its own, and then kept.
 */
@ApplicationScoped
public class SeedSweep {

    /** The built-in models whose recipe a sweep can repeat, by the names they are served under. */
    public static final List<String> MODELS = List.of("mlp", "logreg");

    /** How many seeds a sweep trains. */
    public static final int SEED_COUNT = 20;

    /** The seeds, fixed so that every sweep gives the same answer: 1 to {@value #SEED_COUNT}. */
    public static final List<Long> SEEDS =
            LongStream.rangeClosed(1, SEED_COUNT).boxed().toList();

    /** The share of seeds below the interval's low bound, and above its high bound. */
    static final double TAIL = 0.025;

    private final ModelConfig config;
    private final DatasetRepository datasets;
    private final ModelRegistry registry;
    private final Map<String, CompletableFuture<SeedSweepResult>> sweeps = new ConcurrentHashMap<>();

    SeedSweep(ModelConfig config, DatasetRepository datasets, ModelRegistry registry) {
        this.config = config;
        this.datasets = datasets;
        this.registry = registry;
    }

    /**
     * Returns the sweep of a built-in model: the kept one, or one started now on a background thread.
     *
     * @throws UnknownModelException if the name is not one of {@link #MODELS}
     */
    public CompletableFuture<SeedSweepResult> sweep(String model) {
        if (!MODELS.contains(model)) {
            throw new UnknownModelException(model, MODELS);
        }
        return sweeps.computeIfAbsent(model, this::start);
    }

    private CompletableFuture<SeedSweepResult> start(String model) {
        CompletableFuture<SeedSweepResult> future = new CompletableFuture<>();
        // Twenty trainings take seconds of CPU: run them below the threads that serve predictions, as training
        // runs do, so that a sweep never slows the predict API.
        Thread.ofPlatform().name("seed-sweep-" + model).daemon(true).start(() -> {
            BackgroundPriority.lowerCurrentThread();
            try {
                future.complete(compute(model));
            } catch (RuntimeException | Error e) {
                sweeps.remove(model, future); // a later request tries again
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /** Trains and tests every seed of the list, then compares them with the served model. */
    SeedSweepResult compute(String model) {
        List<SeedRun> runs = new ArrayList<>();
        for (long seed : SEEDS) {
            runs.add(run(model, seed));
        }
        Evaluation servedTest = registry.require(model).test();
        SeedRun served = new SeedRun(config.seed(), correct(servedTest), servedTest.size(), servedTest.accuracy());
        double[] accuracies = runs.stream().mapToDouble(SeedRun::testAccuracy).toArray();
        SpreadInterval interval = interval(accuracies);
        return new SeedSweepResult(
                model,
                what(model),
                runs,
                Arrays.stream(accuracies).average().orElseThrow(),
                standardDeviation(accuracies),
                interval,
                served,
                inside(served.testAccuracy(), interval));
    }

    /**
     * Trains and tests the model's recipe from one seed: the recipe of the built-in models (a seeded stratified
     * split, a scaler fitted on the training rows, the configured hyperparameters), with another seed.
     */
    public SeedRun run(String model, long seed) {
        Split split = StratifiedSplitter.split(
                datasets.load("iris"),
                new StratifiedSplitter.Options(config.validationFraction(), config.testFraction(), seed));
        ScaledSplit scaled =
                ScaledSplit.of(split, Standardizer.fit(split.train().features()));
        TrainedClassifier trained = "mlp".equals(model)
                ? MlpTrainer.train(
                        scaled.trainX(),
                        scaled.trainY(),
                        scaled.validationX(),
                        scaled.validationY(),
                        scaled.classes(),
                        BuiltInModels.mlpOptions(config, seed),
                        EpochListener.NONE)
                : LogisticTrainer.train(
                        scaled.trainX(),
                        scaled.trainY(),
                        scaled.validationX(),
                        scaled.validationY(),
                        scaled.classes(),
                        LogisticTrainer.Options.of(config.logistic()));
        Evaluation test = Evaluator.evaluate(
                trained.classifier(),
                scaled.testX(),
                scaled.testY(),
                split.train().classNames());
        return new SeedRun(seed, correct(test), test.size(), test.accuracy());
    }

    private static String what(String model) {
        return "mlp".equals(model)
                ? "Each seed draws other training, validation and test flowers, other starting weights and another "
                        + "shuffle order; the data, the network and its settings stay those of the served MLP."
                : "Each seed draws other training, validation and test flowers; the data and the settings stay "
                        + "those of the served logistic regression, whose fitting uses no randomness of its own.";
    }

    /**
     * Returns the 2.5th to 97.5th percentile of the accuracies, by linear interpolation between the sorted values
     * (numpy's default): with {@value #SEED_COUNT} seeds at most the lowest and the highest fall outside.
     */
    static SpreadInterval interval(double[] accuracies) {
        double[] sorted = accuracies.clone();
        Arrays.sort(sorted);
        double low = percentile(sorted, TAIL);
        double high = percentile(sorted, 1 - TAIL);
        int inside = 0;
        for (double accuracy : sorted) {
            if (accuracy >= low && accuracy <= high) {
                inside++;
            }
        }
        String method = "the 2.5th to 97.5th percentile of the " + sorted.length
                + " seeds' test accuracies (linear interpolation between the sorted values)";
        return new SpreadInterval(low, high, method, inside);
    }

    private static double percentile(double[] sorted, double share) {
        double position = share * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
    }

    private static boolean inside(double accuracy, SpreadInterval interval) {
        return accuracy >= interval.low() && accuracy <= interval.high();
    }

    private static int correct(Evaluation test) {
        int correct = 0;
        for (int c = 0; c < test.confusionMatrix().length; c++) {
            correct += test.confusionMatrix()[c][c];
        }
        return correct;
    }
}
