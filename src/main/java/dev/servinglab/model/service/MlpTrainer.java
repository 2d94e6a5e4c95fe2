package dev.servinglab.model.service;

import dev.servinglab.model.blas.NativeBlas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
     * Holds the hyperparameters of one training run.
     *
     * @param hiddenUnits  neurons in the single hidden layer, 1 … 256
     * @param activation   activation of the hidden layer
     * @param learningRate step size of stochastic gradient descent, in (0, 1]
     * @param momentum     momentum of the updates, in [0, 1)
     * @param weightDecay  L2 penalty on the weights, in [0, 0.1]
     * @param epochs       passes over the training rows, 1 … 5000
     * @param batchSize    rows per update, 1 … 1024
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

        /** The most epochs a run may have. */
        public static final int MAX_EPOCHS = 5000;

        public Options {
            require(hiddenUnits >= 1 && hiddenUnits <= 256, "hiddenUnits must be in 1 … 256: " + hiddenUnits);
            require(activation != null, "activation must be set");
            require(learningRate > 0 && learningRate <= 1, "learningRate must be in (0, 1]: " + learningRate);
            require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1): " + momentum);
            require(weightDecay >= 0 && weightDecay <= 0.1, "weightDecay must be in [0, 0.1]: " + weightDecay);
            require(epochs >= 1 && epochs <= MAX_EPOCHS, "epochs must be in 1 … " + MAX_EPOCHS + ": " + epochs);
            require(batchSize >= 1 && batchSize <= 1024, "batchSize must be in 1 … 1024: " + batchSize);
            require(patience >= 0, "patience must not be negative: " + patience);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** How the stop reason of a run whose loss stopped being a number begins. */
    public static final String DIVERGED = "diverged";

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
        ProbabilisticClassifier classifier = mlp::predict;
        byte[] best = null;
        int bestEpoch = 0;

        Random shuffle = new Random(options.seed());
        int[] order = new int[train.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<EpochMetrics> history = new ArrayList<>();
        long start = System.nanoTime();
        double bestValidationLoss = Double.POSITIVE_INFINITY;
        int epochsSinceBest = 0;
        String stopReason = "completed all " + options.epochs() + " epochs";
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            shuffleInPlace(order, shuffle);
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int to = Math.min(order.length, from + options.batchSize());
                double[][] batch = new double[to - from][];
                int[] labels = new int[to - from];
                for (int i = from; i < to; i++) {
                    batch[i - from] = train[order[i]];
                    labels[i - from] = trainLabels[order[i]];
                }
                mlp.update(batch, labels);
            }
            double[] onTrain = Metrics.lossAndAccuracy(classifier, train, trainLabels, classes);
            double[] onValidation = Metrics.lossAndAccuracy(classifier, validation, validationLabels, classes);
            if (!Double.isFinite(onTrain[0]) || !Double.isFinite(onValidation[0])) {
                // The weights have blown up (too large a step): nothing later would be worth reporting.
                stopReason = DIVERGED + ": at epoch " + epoch + " the loss was no longer a number; try a smaller "
                        + "learning rate or momentum";
                return new TrainedClassifier(classifier, history, stopReason, history.size());
            }
            EpochMetrics metrics = new EpochMetrics(
                    epoch, onTrain[0], onTrain[1], onValidation[0], onValidation[1], (System.nanoTime() - start) / 1e6);
            history.add(metrics);
            if (!listener.onEpoch(metrics)) {
                stopReason = "stopped by the listener after epoch " + epoch;
                break;
            }
            if (onValidation[0] < bestValidationLoss) {
                bestValidationLoss = onValidation[0];
                bestEpoch = epoch;
                epochsSinceBest = 0;
                if (options.patience() > 0) {
                    best = snapshot(mlp);
                }
            } else if (options.patience() > 0 && ++epochsSinceBest >= options.patience() && best != null) {
                stopReason = "early stop: validation loss has not improved for " + options.patience()
                        + " epochs; the weights of epoch " + bestEpoch + ", the best, are kept";
                MLP restored = restore(best);
                return new TrainedClassifier(restored::predict, history, stopReason, bestEpoch);
            }
        }
        return new TrainedClassifier(classifier, history, stopReason, history.size());
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

    /**
     * Resolves classes through Smile's own class loader: in dev and test mode Quarkus loads Smile in another
     * loader than the one the JDK's default lookup would pick.
     */
    private static final class SmileObjectInput extends ObjectInputStream {

        SmileObjectInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(descriptor.getName(), false, MLP.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(descriptor);
            }
        }
    }

    private static void shuffleInPlace(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
