package dev.servinglab.model.service;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the iris models the app serves from its first second: the split, the scaler, both classifiers and
 * their test metrics, all from the configured seed.
 */
@ApplicationScoped
public class BuiltInModels {

    /** Version of the models trained at startup; promoted training runs get versions of their own. */
    public static final String VERSION = "1";

    private final ModelConfig config;
    private final DatasetRepository datasets;

    BuiltInModels(ModelConfig config, DatasetRepository datasets) {
        this.config = config;
        this.datasets = datasets;
    }

    /**
     * Splits the iris data with the configured seed.
     */
    public Split irisSplit() {
        Dataset iris = datasets.load("iris");
        return StratifiedSplitter.split(
                iris,
                new StratifiedSplitter.Options(config.validationFraction(), config.testFraction(), config.seed()));
    }

    /**
     * Returns the configured MLP's training options with another seed: the built-in recipe, for whoever trains it
     * again (the seed sweep).
     */
    public static MlpTrainer.Options mlpOptions(ModelConfig config, long seed) {
        ModelConfig.Mlp mlp = config.mlp();
        return new MlpTrainer.Options(
                mlp.hiddenUnits(),
                Activation.valueOf(mlp.activation().toUpperCase(Locale.ROOT)),
                mlp.learningRate(),
                mlp.momentum(),
                mlp.weightDecay(),
                mlp.epochs(),
                mlp.batchSize(),
                0,
                seed);
    }

    /**
     * Trains the MLP and the logistic regression on one split and returns them, MLP first.
     */
    public List<ServedModel> train() {
        Split split = irisSplit();
        Standardizer scaler = Standardizer.fit(split.train().features());
        ScaledSplit scaled = ScaledSplit.of(split, scaler);

        MlpTrainer.Options mlpOptions = mlpOptions(config, config.seed());
        TrainedClassifier trainedMlp = MlpTrainer.train(
                scaled.trainX(),
                scaled.trainY(),
                scaled.validationX(),
                scaled.validationY(),
                scaled.classes(),
                mlpOptions,
                EpochListener.NONE);

        LogisticTrainer.Options logisticOptions = LogisticTrainer.Options.of(config.logistic());
        TrainedClassifier trainedLogistic = LogisticTrainer.train(
                scaled.trainX(),
                scaled.trainY(),
                scaled.validationX(),
                scaled.validationY(),
                scaled.classes(),
                logisticOptions);
        Map<String, Object> logisticParameters = new LinkedHashMap<>();
        logisticParameters.put("lambda", logisticOptions.lambda());
        logisticParameters.put("tolerance", logisticOptions.tol());
        logisticParameters.put("max_iterations", logisticOptions.maxIter());
        logisticParameters.put("seed", config.seed());

        return List.of(
                served(
                        "mlp",
                        "mlp",
                        "A multilayer perceptron (one hidden layer) trained by Smile with mini-batch gradient descent.",
                        split,
                        scaler,
                        trainedMlp,
                        mlpOptions.describe(split.train().featureNames().size(), scaled.classes())),
                served(
                        "logreg",
                        "logistic-regression",
                        "A multinomial logistic regression fitted by Smile with L-BFGS.",
                        split,
                        scaler,
                        trainedLogistic,
                        logisticParameters));
    }

    private static ServedModel served(
            String name,
            String kind,
            String description,
            Split split,
            Standardizer scaler,
            TrainedClassifier trained,
            Map<String, Object> hyperparameters) {
        ScaledSplit scaled = ScaledSplit.of(split, scaler);
        Evaluation test = Evaluator.evaluate(
                trained.classifier(),
                scaled.testX(),
                scaled.testY(),
                split.train().classNames());
        return ServedModel.of(name, VERSION, kind, description, split, scaler, trained, hyperparameters, test);
    }
}
