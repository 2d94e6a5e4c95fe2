package dev.servinglab.evaluation.paradox.rest;

import dev.servinglab.evaluation.paradox.service.ParadoxComparison;
import dev.servinglab.evaluation.paradox.service.ParadoxLab;
import dev.servinglab.evaluation.rest.EvaluationTags;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shows the accuracy paradox: a model that catches nothing, highly accurate on imbalanced data.
 */
@Path("/api/v1/paradox")
@Tag(name = EvaluationTags.PITFALLS, description = EvaluationTags.PITFALLS_DESCRIPTION)
@Produces(MediaType.APPLICATION_JSON)
public class ParadoxResource {

    private final ParadoxLab lab;

    ParadoxResource(ParadoxLab lab) {
        this.lab = lab;
    }

    @GET
    @Operation(
            summary = "Show the accuracy paradox",
            description = "Spambase with spam kept at 2 % (a seeded, documented draw): an always-\"not spam\" "
                    + "answer beside a logistic regression, on the same held-out rows, with each one's confusion "
                    + "matrix and metrics (null when undefined).")
    @APIResponse(
            responseCode = "200",
            description = "Both classifiers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParadoxComparison.class)))
    public ParadoxComparison paradox() {
        return lab.comparison();
    }
}
