package dev.servinglab.model.service;

import smile.model.mlp.HiddenLayerBuilder;
import smile.model.mlp.Layer;

/**
 * Names the activation functions a hidden layer can use.
 */
public enum Activation {
    /** Hyperbolic tangent: smooth, zero-centred. */
    TANH,
    /** Logistic sigmoid: smooth, in (0, 1). */
    SIGMOID,
    /** Rectified linear unit: max(0, x). */
    RELU;

    HiddenLayerBuilder layer(int units) {
        return switch (this) {
            case TANH -> Layer.tanh(units);
            case SIGMOID -> Layer.sigmoid(units);
            case RELU -> Layer.rectifier(units);
        };
    }
}
