package dev.servinglab.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configures the models trained at startup.
 */
@ConfigMapping(prefix = "serving-lab.model")
public interface ModelConfig {

    /** Seed of the split, the weight initialisation and the shuffles: the same seed gives the same models. */
    @WithDefault("42")
    long seed();

    /** Name of the model served when a request names none. */
    @WithDefault("mlp")
    String defaultModel();

    /** Share of every class held out for validation. */
    @WithDefault("0.2")
    double validationFraction();

    /** Share of every class held out for the test metrics. */
    @WithDefault("0.2")
    double testFraction();

    /** The multilayer perceptron. */
    Mlp mlp();

    /** The logistic regression. */
    Logistic logistic();

    /** Configures the multilayer perceptron. */
    interface Mlp {
        /** Neurons in the hidden layer. */
        @WithDefault("8")
        int hiddenUnits();

        /** Activation of the hidden layer: tanh, sigmoid or relu. */
        @WithDefault("tanh")
        String activation();

        /** Learning rate of stochastic gradient descent. */
        @WithDefault("0.05")
        double learningRate();

        /** Momentum of the updates. */
        @WithDefault("0.5")
        double momentum();

        /** L2 weight decay. */
        @WithDefault("0.0")
        double weightDecay();

        /** Passes over the training rows. */
        @WithDefault("60")
        int epochs();

        /** Rows per update. */
        @WithDefault("8")
        int batchSize();
    }

    /** Configures the logistic regression. */
    interface Logistic {
        /** L2 regularisation. */
        @WithDefault("0.1")
        double lambda();

        /** Convergence tolerance. */
        @WithDefault("1e-5")
        double tolerance();

        /** Iteration limit. */
        @WithDefault("500")
        int maxIterations();
    }
}
