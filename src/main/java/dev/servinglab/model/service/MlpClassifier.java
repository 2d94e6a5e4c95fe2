package dev.servinglab.model.service;

import smile.classification.MLP;

/**
 * Serves a trained Smile multilayer perceptron. A named type rather than a method reference, so that the network
 * itself can be reached: Smile's {@link MLP} is serialisable, which is how a promoted model is stored.
 *
 * @param network the trained network, fed standardised rows
 */
public record MlpClassifier(MLP network) implements ProbabilisticClassifier {

    @Override
    public int predict(double[] x, double[] probabilities) {
        return network.predict(x, probabilities);
    }
}
