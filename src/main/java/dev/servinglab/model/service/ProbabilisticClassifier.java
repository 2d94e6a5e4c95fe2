package dev.servinglab.model.service;

/**
 * Turns one standardised row into class probabilities.
 *
 * <p>Implementations must be safe to call from several threads at once: Smile's {@code MLP.predict} keeps its
 * buffers per thread and logistic regression keeps none.
 */
@FunctionalInterface
public interface ProbabilisticClassifier {

    /**
     * Writes the class probabilities of {@code x} into {@code probabilities} and returns the most likely class.
     */
    int predict(double[] x, double[] probabilities);
}
