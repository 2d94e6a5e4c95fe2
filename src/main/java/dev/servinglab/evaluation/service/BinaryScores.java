package dev.servinglab.evaluation.service;

import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.service.LogisticTrainer;
import dev.servinglab.model.service.ProbabilisticClassifier;
import dev.servinglab.model.service.Standardizer;

/**
 * Holds a binary classifier's held-out predictions: the probability of the positive class for every test row,
 * and the truth (1 = positive).
 *
 * @param dataset  the data set's name
 * @param positive the positive class
 * @param negative the negative class
 * @param scores   P(positive) per test row
 * @param truth    1 for an actually positive row, 0 otherwise
 */
public record BinaryScores(String dataset, String positive, String negative, double[] scores, int[] truth) {

    /**
     * Splits a binary data set (class 1 positive) as the labs do, fits the scaler and a logistic regression on the
     * training part only, and scores the held-out part.
     */
    public static BinaryScores of(Dataset data, LabSettings settings) {
        Split split = settings.split(data);
        Standardizer scaler = Standardizer.fit(split.train().features());
        ProbabilisticClassifier model = LogisticTrainer.fit(
                scaler.apply(split.train().features()), split.train().labels(), settings.logistic());
        double[][] test = scaler.apply(split.test().features());
        double[] scores = new double[test.length];
        double[] posterior = new double[2];
        for (int i = 0; i < test.length; i++) {
            model.predict(test[i], posterior);
            scores[i] = posterior[1];
        }
        return new BinaryScores(
                data.info().name(),
                data.classNames().get(1),
                data.classNames().get(0),
                scores,
                split.test().labels().clone());
    }

    /**
     * Counts the confusion matrix when rows scoring at least the threshold are predicted positive.
     */
    public ConfusionCounts at(double threshold) {
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold ? 1 : 0;
        }
        return ConfusionCounts.of(truth, predicted);
    }
}
