package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.service.ServedModel;

/**
 * Tells what a deployment serves and what each version in play has done, read at one moment.
 *
 * @param name       the deployment
 * @param current    the current version
 * @param currentRun what the current version has done
 * @param rollout    the rollout in progress, or {@code null}
 * @param candidate  what the candidate has done since its rollout began, or {@code null}
 * @param shadow     for a shadow, how its answers compare with the current version's; else {@code null}
 */
public record DeploymentFigures(
        String name,
        ServedModel current,
        VersionFigures currentRun,
        Rollout rollout,
        VersionFigures candidate,
        ShadowFigures shadow) {}
