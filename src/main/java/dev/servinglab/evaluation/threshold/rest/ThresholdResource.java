package dev.servinglab.evaluation.threshold.rest;

import dev.servinglab.evaluation.threshold.service.ThresholdEffect;
import dev.servinglab.evaluation.threshold.service.ThresholdLab;
import dev.servinglab.evaluation.threshold.service.ThresholdVerdict;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shows what a decision threshold does to a real classifier's held-out predictions.
 */
@Path("/api/v1/thresholds")
@Tag(name = "Thresholds", description = "Move a decision threshold on real held-out predictions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such data set")
@APIResponse(responseCode = "422", description = "The threshold is not a number from 0 to 1")
public class ThresholdResource {

    private final ThresholdLab lab;

    ThresholdResource(ThresholdLab lab) {
        this.lab = lab;
    }

    @GET
    @Path("/{dataset}")
    @Operation(
            summary = "Apply a threshold",
            description = "A logistic regression trained on `breast-cancer` (positive: malignant) or `spambase` "
                    + "(positive: spam) with a seeded split scores the held-out rows; rows scoring at least the "
                    + "threshold are predicted positive. Answers with the confusion matrix, "
                    + "accuracy, precision, recall and F1 (null when undefined), the AUC and both curves.")
    @APIResponse(
            responseCode = "200",
            description = "The threshold's effect",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ThresholdEffect.class)))
    public ThresholdEffect threshold(
            @Parameter(description = "breast-cancer or spambase", example = "spambase") @PathParam("dataset")
                    String dataset,
            @Parameter(description = "From 0 to 1", example = "0.5")
                    @QueryParam("threshold")
                    @DefaultValue("0.5")
                    @DecimalMin(value = "0", message = ThresholdLab.THRESHOLD_RULE)
                    @DecimalMax(value = "1", message = ThresholdLab.THRESHOLD_RULE)
                    String threshold) {
        return lab.effect(dataset, Double.parseDouble(threshold));
    }

    @GET
    @Path("/{dataset}/challenge")
    @Operation(
            summary = "Check a threshold against the lab's goal",
            description = "Each data set has a goal: a spam filter people can trust (spambase), a disease screen "
                    + "that misses almost no one (breast-cancer). Says whether the threshold meets it, and which way "
                    + "to move it if not.")
    @APIResponse(
            responseCode = "200",
            description = "The verdict",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ThresholdVerdict.class)))
    @APIResponse(responseCode = "404", description = "No such data set")
    @APIResponse(responseCode = "422", description = "The threshold is not a number from 0 to 1")
    public ThresholdVerdict challenge(
            @PathParam("dataset") String dataset,
            @Parameter(description = "From 0 to 1", example = "0.8")
                    @QueryParam("threshold")
                    @DefaultValue("0.5")
                    @DecimalMin(value = "0", message = ThresholdLab.THRESHOLD_RULE)
                    @DecimalMax(value = "1", message = ThresholdLab.THRESHOLD_RULE)
                    String threshold) {
        return lab.check(dataset, Double.parseDouble(threshold));
    }
}
