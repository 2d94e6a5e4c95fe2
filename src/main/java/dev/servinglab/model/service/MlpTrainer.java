package dev.servinglab.model.service;

import dev.servinglab.model.blas.NativeBlas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.model.mlp.Layer;
import smile.model.mlp.OutputFunction;
import smile.util.function.TimeFunction;

/**
 * Trains Smile's multilayer perceptron epoch by epoch, measuring loss and accuracy after every epoch. With early
 * stopping (a patience above zero) the weights of the epoch with the best validation loss are kept and served,
 * not those of the last epoch.
 */
public final class MlpTrainer {

    /**
     * Holds the hyperparameters of one training run. The checks are the algorithm's own: values outside them make
     * no sense for gradient descent. How far a learner may go within them is the training lab's business.
     *
     * @param hiddenUnits  neurons in the single hidden layer, at least 1
     * @param activation   activation of the hidden layer
     * @param learningRate step size of stochastic gradient descent, in (0, 1]
     * @param momentum     momentum of the updates, in [0, 1)
     * @param weightDecay  L2 penalty on the weights, at least 0
     * @param epochs       passes over the training rows, 1 … {@value #MAX_EPOCHS}
     * @param batchSize    rows per update, at least 1
     * @param patience     epochs without a better validation loss before stopping early; 0 never stops early
     * @param seed         seed of the weight initialisation and the shuffles
     */
    public record Options(
            int hiddenUnits,
            Activation activation,
            double learningRate,
            double momentum,
            double weightDecay,
            int epochs,
            int batchSize,
            int patience,
            long seed) {

        /** The most epochs a run may have: the history of every epoch is kept in memory. */
        public static final int MAX_EPOCHS = 5000;

        public Options {
            require(hiddenUnits >= 1, "hiddenUnits must be at least 1: " + hiddenUnits);
            require(activation != null, "activation must be set");
            require(learningRate > 0 && learningRate <= 1, "learningRate must be in (0, 1]: " + learningRate);
            require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1): " + momentum);
            require(weightDecay >= 0, "weightDecay must not be negative: " + weightDecay);
            require(epochs >= 1 && epochs <= MAX_EPOCHS, "epochs must be in 1 … " + MAX_EPOCHS + ": " + epochs);
            require(batchSize >= 1, "batchSize must be at least 1: " + batchSize);
            require(patience >= 0, "patience must not be negative: " + patience);
        }

        /**
         * Returns the hyperparameters as a model card lists them, the layer sizes first.
         *
         * @param inputs  the number of features
         * @param classes the number of classes
         */
        public Map<String, Object> describe(int inputs, int classes) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("layers", List.of(inputs, hiddenUnits, classes));
            described.put("activation", activation.name().toLowerCase(Locale.ROOT));
            described.put("output", "softmax, cross-entropy loss");
            described.put("learning_rate", learningRate);
            described.put("momentum", momentum);
            described.put("weight_decay", weightDecay);
            described.put("epochs", epochs);
            described.put("batch_size", batchSize);
            described.put("seed", seed);
            return described;
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private MlpTrainer() {}

    /**
     * Trains on {@code train}, reporting every epoch to the listener, and measures each epoch on
     * {@code validation}. Rows must already be standardised.
     *
     * @param classes the number of classes
     */
    public static TrainedClassifier train(
            double[][] train,
            int[] trainLabels,
            double[][] validation,
            int[] validationLabels,
            int classes,
            Options options,
            EpochListener listener) {
        NativeBlas.ensureLoaded();
        // Smile draws the initial weights from a per-thread generator: seed it on the thread that builds the net.
        MathEx.setSeed(options.seed());
        MLP mlp = new MLP(
                Layer.input(train[0].length),
                options.activation().layer(options.hiddenUnits()),
                Layer.mle(classes, OutputFunction.SOFTMAX));
        mlp.setLearningRate(TimeFunction.constant(options.learningRate()));
        mlp.setMomentum(TimeFunction.constant(options.momentum()));
        mlp.setWeightDecay(options.weightDecay());
        ProbabilisticClassifier classifier = new MlpClassifier(mlp);
        byte[] best = null;
        int bestEpoch = 0;

        Random shuffle = new Random(options.seed());
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, train.length).boxed().toList());
        List<EpochMetrics> history = new ArrayList<>();
        long start = System.nanoTime();
        double bestValidationLoss = Double.POSITIVE_INFINITY;
        int epochsSinceBest = 0;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            Collections.shuffle(order, shuffle);
            for (int from = 0; from < order.size(); from += options.batchSize()) {
                int to = Math.min(order.size(), from + options.batchSize());
                double[][] batch = new double[to - from][];
                int[] labels = new int[to - from];
                for (int i = from; i < to; i++) {
                    batch[i - from] = train[order.get(i)];
                    labels[i - from] = trainLabels[order.get(i)];
                }
                mlp.update(batch, labels);
            }
            Metrics.LossAndAccuracy onTrain = Metrics.lossAndAccuracy(classifier, train, trainLabels, classes);
            Metrics.LossAndAccuracy onValidation =
                    Metrics.lossAndAccuracy(classifier, validation, validationLabels, classes);
            if (!Double.isFinite(onTrain.loss()) || !Double.isFinite(onValidation.loss())) {
                // The weights have blown up (too large a step): nothing later would be worth reporting.
                String reason = "diverged: at epoch " + epoch + " the loss was no longer a number; try a smaller "
                        + "learning rate or momentum";
                return new TrainedClassifier(classifier, history, StopCause.DIVERGED, reason, history.size());
            }
            EpochMetrics metrics = new EpochMetrics(
                    epoch,
                    onTrain.loss(),
                    onTrain.accuracy(),
                    onValidation.loss(),
                    onValidation.accuracy(),
                    (System.nanoTime() - start) / 1e6);
            history.add(metrics);
            Optional<StopCause> stop = listener.onEpoch(metrics);
            if (stop.isPresent()) {
                String reason = "stopped by the listener after epoch " + epoch;
                return new TrainedClassifier(classifier, history, stop.get(), reason, history.size());
            }
            if (onValidation.loss() < bestValidationLoss) {
                bestValidationLoss = onValidation.loss();
                bestEpoch = epoch;
                epochsSinceBest = 0;
                if (options.patience() > 0) {
                    best = snapshot(mlp);
                }
            } else if (options.patience() > 0 && ++epochsSinceBest >= options.patience() && best != null) {
                String reason = "early stop: validation loss has not improved for " + options.patience()
                        + " epochs; the weights of epoch " + bestEpoch + ", the best, are kept";
                MLP restored = restore(best);
                return new TrainedClassifier(
                        new MlpClassifier(restored), history, StopCause.EARLY_STOP, reason, bestEpoch);
            }
        }
        String reason = "completed all " + options.epochs() + " epochs";
        return new TrainedClassifier(classifier, history, StopCause.EPOCHS, reason, history.size());
    }

    /** Copies the network's weights; Smile's MLP is serialisable, which makes this a deep copy. */
    private static byte[] snapshot(MLP mlp) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(mlp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static MLP restore(byte[] snapshot) {
        try (ObjectInputStream in = new SmileObjectInput(new ByteArrayInputStream(snapshot))) {
            return (MLP) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot restore the best epoch's weights", e);
        }
    }
}
