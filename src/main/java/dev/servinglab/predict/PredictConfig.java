package dev.servinglab.predict;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configures the prediction endpoints.
 */
@ConfigMapping(prefix = "serving-lab.predict")
public interface PredictConfig {

    /** The most instances one batch request may hold. */
    @WithDefault("1000")
    int maxBatchSize();
}
