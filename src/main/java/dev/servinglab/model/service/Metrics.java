package dev.servinglab.model.service;

/**
 * Computes the loss and accuracy of a classifier on a set of rows.
 */
final class Metrics {

    /** Probabilities are clipped here so that one confident mistake gives a large, finite loss. */
    private static final double MIN_PROBABILITY = 1e-15;

    private Metrics() {}

    /**
     * Returns {mean cross-entropy, accuracy} of the classifier on already-standardised rows.
     */
    static double[] lossAndAccuracy(ProbabilisticClassifier classifier, double[][] x, int[] y, int classes) {
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
        return x.length == 0
                ? new double[] {Double.NaN, Double.NaN}
                : new double[] {loss / x.length, (double) correct / x.length};
    }
}
