package dev.servinglab.predict.rollout.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Says how a candidate version takes part in a deployment's traffic, as KServe's canary and shadow do. */
public enum RolloutMode {
    /** The candidate answers a share of the requests; the current version answers the rest. */
    @JsonProperty("canary")
    CANARY,
    /** The candidate gets a copy of every request; its answer is recorded and compared, never returned. */
    @JsonProperty("shadow")
    SHADOW
}
