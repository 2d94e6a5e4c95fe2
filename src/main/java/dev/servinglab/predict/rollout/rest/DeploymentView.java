package dev.servinglab.predict.rollout.rest;

import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.rollout.service.DeploymentFigures;
import dev.servinglab.predict.rollout.service.RolloutMode;
import dev.servinglab.predict.rollout.service.ShadowFigures;
import dev.servinglab.predict.rollout.service.VersionFigures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows a deployment: the version that answers, the rollout in progress and what each version has done.
 *
 * @param name      the deployment's name; {@code iris} is the shared one behind POST /api/v1/predict
 * @param predict   where to send predictions through it
 * @param current   the current version and its figures
 * @param rollout   the rollout in progress, or null
 * @param candidate the candidate and its figures since its rollout began, or null
 * @param shadow    for a shadow, how its answers compare with the current version's, or null
 */
@Schema(name = "Deployment")
public record DeploymentView(
        @Schema(examples = "d-k3m9x2pqrt") String name,

        @Schema(examples = "/api/v1/deployments/d-k3m9x2pqrt/predict")
        String predict,

        Version current,
        RolloutView rollout,
        Version candidate,

        @Schema(
                description = "Only for a shadow: agreement with the current version and the confusion matrix "
                        + "between them (rows: the current version's answer, columns: the shadow's)")
        ShadowFigures shadow) {

    static DeploymentView of(DeploymentFigures figures, String predictPath) {
        var rollout = figures.rollout();
        return new DeploymentView(
                figures.name(),
                predictPath,
                Version.of(figures.current(), "current", figures.currentRun()),
                rollout == null ? null : new RolloutView(rollout.candidate().name(), rollout.mode(), rollout.percent()),
                rollout == null ? null : Version.of(rollout.candidate(), role(rollout.mode()), figures.candidate()),
                figures.shadow());
    }

    private static String role(RolloutMode mode) {
        return mode == RolloutMode.CANARY ? "canary" : "shadow";
    }

    /**
     * Shows one version in play and what it has done.
     *
     * @param model     the model's name, as answers name it
     * @param version   the model's version
     * @param role      current, canary or shadow
     * @param requests  requests it answered or refused (for a shadow: copies)
     * @param errors    of those, the refused ones
     * @param errorRate errors over requests, null before the first
     * @param p50Ms     median latency in ms (the upper bound of its histogram bucket), null before the first
     * @param p99Ms     99th-percentile latency in ms (likewise)
     */
    @Schema(name = "DeploymentVersion")
    public record Version(
            @Schema(examples = "mlp") String model,
            @Schema(examples = "1") String version,

            @Schema(enumeration = {"current", "canary", "shadow"})
            String role,

            long requests,
            long errors,
            Double errorRate,
            Double p50Ms,
            Double p99Ms) {

        static Version of(ServedModel model, String role, VersionFigures figures) {
            return new Version(
                    model.name(),
                    model.version(),
                    role,
                    figures.requests(),
                    figures.errors(),
                    figures.errorRate(),
                    figures.p50Ms(),
                    figures.p99Ms());
        }
    }

    /**
     * Shows a rollout.
     *
     * @param candidate the model on trial
     * @param mode      canary or shadow
     * @param percent   the share of requests a canary answers; 100 for a shadow (a copy of each)
     */
    @Schema(name = "DeploymentRollout")
    public record RolloutView(@Schema(examples = "run-3") String candidate, RolloutMode mode, int percent) {}
}
