package dev.servinglab.predict.rollout.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Grades a population stability index (PSI) with the rule of thumb used in credit scoring and model monitoring:
 * under 0.1 the population has not moved, 0.1 to 0.25 it has moved a little, from 0.25 on it has moved enough to act.
 */
public enum DriftLevel {
    /** Too few requests in the window to say. */
    @JsonProperty("too few requests")
    TOO_FEW(Double.NaN),
    /** PSI under 0.1. */
    @JsonProperty("stable")
    STABLE(0.1),
    /** PSI from 0.1 to under 0.25. */
    @JsonProperty("moderate")
    MODERATE(0.25),
    /** PSI of 0.25 or more. */
    @JsonProperty("drifted")
    DRIFTED(Double.POSITIVE_INFINITY);

    /** Requests a window needs before a feature's drift is graded: fewer give PSIs that are mostly noise. */
    public static final int MIN_REQUESTS = 30;

    private final double below;

    DriftLevel(double below) {
        this.below = below;
    }

    /** Returns the PSI under which this level holds. */
    public double below() {
        return below;
    }

    /** Grades a PSI measured on a window of requests, less its noise floor. */
    static DriftLevel of(double psi, int requests) {
        if (requests < MIN_REQUESTS) {
            return TOO_FEW;
        }
        return psi < STABLE.below ? STABLE : psi < MODERATE.below ? MODERATE : DRIFTED;
    }
}
