package dev.servinglab.evaluation.service;

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
     * Counts the confusion matrix when rows scoring at least the threshold are predicted positive.
     */
    public ConfusionCounts at(double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (truth[i] == 1) {
                tp += predicted ? 1 : 0;
                fn += predicted ? 0 : 1;
            } else {
                fp += predicted ? 1 : 0;
                tn += predicted ? 0 : 1;
            }
        }
        return new ConfusionCounts(tp, fp, fn, tn);
    }
}
