package dev.servinglab.model.service;

import java.util.ArrayList;
import java.util.List;
import smile.validation.metric.Accuracy;
import smile.validation.metric.Averaging;
import smile.validation.metric.ConfusionMatrix;
import smile.validation.metric.FScore;
import smile.validation.metric.Precision;
import smile.validation.metric.Recall;

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
     *
     * <p>Each class's metrics are read off the matrix, {@code null} where a denominator is zero. The averages are
     * Smile's, which count an undefined metric as 0, as scikit-learn does by default. (Smile numbers the classes up
     * to the highest label it sees, so it would leave out a last class absent from both truth and predictions; a
     * stratified test split holds every class.)
     */
    public static Evaluation of(int[] truth, int[] predicted, List<String> classNames) {
        int k = classNames.size();
        int[][] matrix = confusionMatrix(truth, predicted, k);
        List<Evaluation.ClassMetrics> perClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int actual = 0;
            int predictedAs = 0;
            for (int j = 0; j < k; j++) {
                actual += matrix[c][j];
                predictedAs += matrix[j][c];
            }
            Double precision = ratio(matrix[c][c], predictedAs);
            Double recall = ratio(matrix[c][c], actual);
            Double f1 = precision == null || recall == null || precision + recall == 0
                    ? null
                    : 2 * precision * recall / (precision + recall);
            perClass.add(new Evaluation.ClassMetrics(classNames.get(c), precision, recall, f1, actual));
        }
        return new Evaluation(
                truth.length,
                Accuracy.of(truth, predicted),
                classNames,
                matrix,
                perClass,
                average(truth, predicted, Averaging.Macro),
                average(truth, predicted, Averaging.Weighted));
    }

    private static Evaluation.Average average(int[] truth, int[] predicted, Averaging averaging) {
        return new Evaluation.Average(
                Precision.of(truth, predicted, averaging),
                Recall.of(truth, predicted, averaging),
                FScore.of(truth, predicted, 1.0, averaging));
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
}
