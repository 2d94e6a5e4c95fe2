package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.service.ServedModel;

/**
 * Says which version answers one request, and which shadow, if any, gets a copy of it.
 *
 * @param model  the version that answers
 * @param stats  where its request is counted
 * @param shadow the shadow that gets a copy, or {@code null}
 */
record Route(ServedModel model, VersionStats stats, ShadowTarget shadow) {

    /**
     * Names a shadow and where its answers are counted and compared.
     */
    record ShadowTarget(ServedModel model, VersionStats stats, ShadowComparison comparison) {}
}
