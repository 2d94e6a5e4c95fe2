package dev.servinglab.training.rest;

/**
 * Holds the request bodies of the training presets shown in Swagger UI; the training page offers the same.
 */
final class TrainingPresets {

    /**
     * Small data (12 training flowers), a large network and many epochs: validation loss turns and rises while
     * training loss falls towards zero.
     */
    static final String OVERFITTING = "{\"dataset\":\"iris\",\"hidden_units\":256,\"activation\":\"tanh\","
            + "\"learning_rate\":0.02,\"momentum\":0.9,\"weight_decay\":0,\"epochs\":200,\"batch_size\":4,"
            + "\"validation_fraction\":0.3,\"max_train_rows\":12,\"patience\":0,\"seed\":42,\"pace_ms\":0}";

    /** The overfitting run again, stopped early when validation loss stops improving. */
    static final String EARLY_STOPPING = "{\"dataset\":\"iris\",\"hidden_units\":256,\"activation\":\"tanh\","
            + "\"learning_rate\":0.02,\"momentum\":0.9,\"weight_decay\":0,\"epochs\":200,\"batch_size\":4,"
            + "\"validation_fraction\":0.3,\"max_train_rows\":12,\"patience\":30,\"seed\":42,\"pace_ms\":0}";

    private TrainingPresets() {
    }
}
