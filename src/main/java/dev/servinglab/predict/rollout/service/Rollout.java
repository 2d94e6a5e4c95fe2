package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.service.ServedModel;

/**
 * Puts a candidate version beside the current one.
 *
 * @param candidate the version on trial
 * @param mode      canary (answers a share) or shadow (answers a copy of everything, never returned)
 * @param percent   for a canary, the share of requests it answers, 1 to 99; for a shadow, 100
 */
public record Rollout(ServedModel candidate, RolloutMode mode, int percent) {

    /** The smallest share a canary may take: below it there is no canary. */
    public static final int MIN_CANARY_PERCENT = 1;
    /** The largest share a canary may take: all of it is a promotion, not a canary. */
    public static final int MAX_CANARY_PERCENT = 99;
    /** The share a first canary usually takes, and the one the rollout lab starts with. */
    public static final int FIRST_CANARY_PERCENT = 20;

    public Rollout {
        if (mode == RolloutMode.CANARY && (percent < MIN_CANARY_PERCENT || percent > MAX_CANARY_PERCENT)) {
            throw new IllegalArgumentException("a canary takes 1 to 99 percent, not " + percent);
        }
        if (mode == RolloutMode.SHADOW && percent != 100) {
            throw new IllegalArgumentException("a shadow gets a copy of every request, not " + percent + " %");
        }
    }
}
