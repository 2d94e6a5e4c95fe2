package dev.servinglab.model.service;

import java.util.ArrayList;
import java.util.List;
import smile.validation.metric.Accuracy;
import smile.validation.metric.ConfusionMatrix;

/**
 * Computes the test metrics of a classifier: accuracy, the confusion matrix and per-class precision, recall
 * and F1 with their macro and weighted averages.
 */
public final class Evaluator {

    private Evaluator() {}

    /**
     * Evaluates the classifier on standardised rows.
     */
    public static Evaluation evaluate(
            ProbabilisticClassifier classifier, double[][] x, int[] truth, List<String> classNames) {
        int k = classNames.size();
        int[] predicted = new int[x.length];
        double[] probabilities = new double[k];
        for (int i = 0; i < x.length; i++) {
            predicted[i] = classifier.predict(x[i], probabilities);
        }
        return of(truth, predicted, classNames);
    }

    /**
     * Builds the evaluation of a set of predictions against the truth.
     */
    public static Evaluation of(int[] truth, int[] predicted, List<String> classNames) {
        int k = classNames.size();
        int[][] matrix = confusionMatrix(truth, predicted, k);
        List<Evaluation.ClassMetrics> perClass = new ArrayList<>();
        double[] macro = new double[3];
        double[] weighted = new double[3];
        for (int c = 0; c < k; c++) {
            int tp = matrix[c][c];
            int actual = 0;
            int predictedAs = 0;
            for (int j = 0; j < k; j++) {
                actual += matrix[c][j];
                predictedAs += matrix[j][c];
            }
            Double precision = ratio(tp, predictedAs);
            Double recall = ratio(tp, actual);
            Double f1 = precision == null || recall == null || precision + recall == 0
                    ? null
                    : 2 * precision * recall / (precision + recall);
            perClass.add(new Evaluation.ClassMetrics(classNames.get(c), precision, recall, f1, actual));
            double[] values = {zeroIfUndefined(precision), zeroIfUndefined(recall), zeroIfUndefined(f1)};
            for (int m = 0; m < 3; m++) {
                macro[m] += values[m] / k;
                weighted[m] += values[m] * actual / truth.length;
            }
        }
        return new Evaluation(
                truth.length,
                Accuracy.of(truth, predicted),
                classNames,
                matrix,
                perClass,
                new Evaluation.Average(macro[0], macro[1], macro[2]),
                new Evaluation.Average(weighted[0], weighted[1], weighted[2]));
    }

    /**
     * Counts (actual, predicted) pairs into a k × k matrix. Smile's {@link ConfusionMatrix} sizes its matrix by
     * the classes that occur, so a class never seen in a small test set would drop out; we keep all k.
     */
    private static int[][] confusionMatrix(int[] truth, int[] predicted, int k) {
        int[][] matrix = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            matrix[truth[i]][predicted[i]]++;
        }
        return matrix;
    }

    private static Double ratio(int numerator, int denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static double zeroIfUndefined(Double value) {
        return value == null ? 0 : value;
    }
}
