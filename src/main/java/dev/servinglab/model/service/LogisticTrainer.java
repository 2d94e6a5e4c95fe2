package dev.servinglab.model.service;

import dev.servinglab.model.ModelConfig;
import java.util.List;
import smile.classification.LogisticRegression;

/**
 * Fits Smile's multinomial logistic regression, a model that needs no native BLAS.
 */
public final class LogisticTrainer {

    /**
     * Holds the hyperparameters of the fit.
     *
     * @param lambda  L2 regularisation, ≥ 0
     * @param tol     convergence tolerance of L-BFGS, &gt; 0
     * @param maxIter iteration limit of L-BFGS, ≥ 1
     */
    public record Options(double lambda, double tol, int maxIter) {

        /** Returns the options configured under {@code serving-lab.model.logistic}. */
        public static Options of(ModelConfig.Logistic config) {
            return new Options(config.lambda(), config.tolerance(), config.maxIterations());
        }

        public Options {
            if (!(lambda >= 0)) {
                throw new IllegalArgumentException("lambda must not be negative: " + lambda);
            }
            if (!(tol > 0)) {
                throw new IllegalArgumentException("tol must be positive: " + tol);
            }
            if (maxIter < 1) {
                throw new IllegalArgumentException("maxIter must be at least 1: " + maxIter);
            }
        }
    }

    private LogisticTrainer() {}

    /**
     * Fits on standardised rows: the one place the app builds a logistic regression.
     */
    public static ProbabilisticClassifier fit(double[][] x, int[] labels, Options options) {
        LogisticRegression model = LogisticRegression.fit(
                x, labels, new LogisticRegression.Options(options.lambda(), options.tol(), options.maxIter()));
        return model::predict;
    }

    /**
     * Fits on standardised training rows and reports one "epoch": the metrics of the finished fit.
     */
    public static TrainedClassifier train(
            double[][] train,
            int[] trainLabels,
            double[][] validation,
            int[] validationLabels,
            int classes,
            Options options) {
        long start = System.nanoTime();
        ProbabilisticClassifier classifier = fit(train, trainLabels, options);
        Metrics.LossAndAccuracy onTrain = Metrics.lossAndAccuracy(classifier, train, trainLabels, classes);
        Metrics.LossAndAccuracy onValidation =
                Metrics.lossAndAccuracy(classifier, validation, validationLabels, classes);
        EpochMetrics fit = new EpochMetrics(
                1,
                onTrain.loss(),
                onTrain.accuracy(),
                onValidation.loss(),
                onValidation.accuracy(),
                (System.nanoTime() - start) / 1e6);
        return new TrainedClassifier(classifier, List.of(fit), "L-BFGS converged or reached maxIter in one fit", 1);
    }
}
