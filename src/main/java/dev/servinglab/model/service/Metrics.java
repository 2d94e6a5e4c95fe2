package dev.servinglab.model.service;

/**
 * Computes the loss and accuracy of a classifier on a set of rows.
 */
final class Metrics {

    /** Probabilities are clipped here so that one confident mistake gives a large, finite loss. */
    private static final double MIN_PROBABILITY = 1e-15;

    /**
     * Holds how a classifier did on a set of rows; both are NaN for no rows.
     *
     * @param loss     mean cross-entropy
     * @param accuracy share of rows predicted correctly
     */
    record LossAndAccuracy(double loss, double accuracy) {}

    private Metrics() {}

    /**
     * Measures the classifier on already-standardised rows.
     */
    static LossAndAccuracy lossAndAccuracy(ProbabilisticClassifier classifier, double[][] x, int[] y, int classes) {
        if (x.length == 0) {
            return new LossAndAccuracy(Double.NaN, Double.NaN);
        }
        double[] probabilities = new double[classes];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            int predicted = classifier.predict(x[i], probabilities);
            loss -= Math.log(Math.max(probabilities[y[i]], MIN_PROBABILITY));
            if (predicted == y[i]) {
                correct++;
            }
        }
        return new LossAndAccuracy(loss / x.length, (double) correct / x.length);
    }
}
