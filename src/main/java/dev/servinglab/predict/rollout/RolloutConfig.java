package dev.servinglab.predict.rollout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * Configures rollouts: canary and shadow versions beside a deployment's current one.
 */
@ConfigMapping(prefix = "serving-lab.rollouts")
public interface RolloutConfig {

    /**
     * The most deployments of one's own served at once (the lesson widgets make one per browser); the one used
     * longest ago makes way for a new one.
     */
    @WithDefault("500")
    @Positive
    @Max(100_000)
    int maxDeployments();

    /**
     * The most request copies waiting for shadows; beyond it a copy is dropped and counted, so that a slow shadow
     * never slows the current version down.
     */
    @WithDefault("1000")
    @Positive
    @Max(1_000_000)
    int shadowQueue();

    /**
     * How many of its latest requests each deployment keeps for drift and alerts (measurements, answer, latency,
     * time): about 30 bytes each.
     */
    @WithDefault("500")
    @Positive
    @Max(100_000)
    int window();

    /**
     * Whether the shared iris endpoint's rollout can be changed through the API. On for one person exploring the
     * API; an instructor may turn it off for a class, whose widgets use deployments of their own anyway.
     */
    @WithDefault("true")
    boolean sharedEditable();
}
