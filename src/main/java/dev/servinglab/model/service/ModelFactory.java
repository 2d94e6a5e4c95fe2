package dev.servinglab.model.service;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the iris models the app serves from its first second: the split, the scaler, both classifiers and
 * their test metrics, all from the configured seed.
 */
@ApplicationScoped
public class ModelFactory {

    /** Version of the models trained at startup; promoted training runs get versions of their own. */
    public static final String BUILT_IN_VERSION = "1";

    private final ModelConfig config;
    private final DatasetRepository datasets;

    ModelFactory(ModelConfig config, DatasetRepository datasets) {
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
     * Trains the MLP and the logistic regression on one split and returns them, MLP first.
     */
    public List<ServedModel> trainBuiltIns() {
        Split split = irisSplit();
        Standardizer scaler = Standardizer.fit(split.train().features());
        ModelConfig.Mlp mlp = config.mlp();
        MlpTrainer.Options mlpOptions = new MlpTrainer.Options(
                mlp.hiddenUnits(),
                Activation.valueOf(mlp.activation().toUpperCase(Locale.ROOT)),
                mlp.learningRate(),
                mlp.momentum(),
                mlp.weightDecay(),
                mlp.epochs(),
                mlp.batchSize(),
                0,
                config.seed());
        ScaledSplit scaled = ScaledSplit.of(split, scaler);
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

        Map<String, Object> mlpParameters = new LinkedHashMap<>();
        mlpParameters.put("layers", List.of(4, mlp.hiddenUnits(), scaled.classes()));
        mlpParameters.put("activation", mlpOptions.activation().name().toLowerCase(Locale.ROOT));
        mlpParameters.put("output", "softmax, cross-entropy loss");
        mlpParameters.put("learning_rate", mlpOptions.learningRate());
        mlpParameters.put("momentum", mlpOptions.momentum());
        mlpParameters.put("weight_decay", mlpOptions.weightDecay());
        mlpParameters.put("epochs", mlpOptions.epochs());
        mlpParameters.put("batch_size", mlpOptions.batchSize());
        mlpParameters.put("seed", config.seed());

        Map<String, Object> logisticParameters = new LinkedHashMap<>();
        logisticParameters.put("lambda", logisticOptions.lambda());
        logisticParameters.put("tolerance", logisticOptions.tol());
        logisticParameters.put("max_iterations", logisticOptions.maxIter());
        logisticParameters.put("seed", config.seed());

        return List.of(
                served(
                        "mlp",
                        "mlp",
                        "A multilayer perceptron (one hidden layer) trained by Smile with "
                                + "mini-batch gradient descent.",
                        split,
                        scaler,
                        trainedMlp,
                        scaled,
                        mlpParameters),
                served(
                        "logreg",
                        "logistic-regression",
                        "A multinomial logistic regression fitted by Smile " + "with L-BFGS.",
                        split,
                        scaler,
                        trainedLogistic,
                        scaled,
                        logisticParameters));
    }

    private ServedModel served(
            String name,
            String kind,
            String description,
            Split split,
            Standardizer scaler,
            TrainedClassifier trained,
            ScaledSplit scaled,
            Map<String, Object> hyperparameters) {
        Evaluation test = Evaluator.evaluate(
                trained.classifier(),
                scaled.testX(),
                scaled.testY(),
                split.train().classNames());
        return new ServedModel(
                name,
                BUILT_IN_VERSION,
                kind,
                description,
                split.train().info(),
                scaler,
                trained.classifier(),
                ranges(split.train()),
                hyperparameters,
                splitSizes(split),
                trained.history(),
                trained.stopReason(),
                test);
    }

    /**
     * Returns the smallest and largest value of every feature in the given rows.
     */
    public static List<FeatureRange> ranges(Dataset train) {
        List<FeatureRange> ranges = new ArrayList<>();
        for (int j = 0; j < train.featureNames().size(); j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : train.features()) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            ranges.add(
                    new FeatureRange(train.featureNames().get(j), train.info().unit(), min, max));
        }
        return ranges;
    }

    /**
     * Returns the row counts of the train, validation and test parts, as a model card lists them.
     */
    public static Map<String, Integer> splitSizes(Split split) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("train", split.train().size());
        sizes.put("validation", split.validation().size());
        sizes.put("test", split.test().size());
        return sizes;
    }
}
