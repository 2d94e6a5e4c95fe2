package dev.servinglab.evaluation.seedsweep.rest;

import dev.servinglab.evaluation.seedsweep.service.SeedSweep;
import dev.servinglab.evaluation.seedsweep.service.SeedSweepResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shows how far one test score moves when only the seed changes: the served model's recipe trained with 20 seeds.
 */
@Path("/api/v1/seed-sweeps")
@Tag(name = "Seed sweep", description = "How noisy a test score is: the same model trained with 20 seeds")
@Produces(MediaType.APPLICATION_JSON)
public class SeedSweepResource {

    private final SeedSweep sweep;

    SeedSweepResource(SeedSweep sweep) {
        this.sweep = sweep;
    }

    @GET
    @Path("/{model}")
    @Operation(
            summary = "Train a built-in model with 20 seeds",
            description = "Trains the recipe of the built-in model `mlp` or `logreg` (the same data, settings and "
                    + "split fractions) with the seeds 1 to 20, and tests each on its own test split. Answers with "
                    + "every seed's test accuracy, their mean and standard deviation, the 2.5th to 97.5th "
                    + "percentile, and the served model's own test accuracy beside them. The first request "
                    + "computes it in the background (a few seconds) and the answer is kept: it is deterministic.")
    @APIResponse(
            responseCode = "200",
            description = "The sweep",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeedSweepResult.class)))
    @APIResponse(responseCode = "404", description = "Not a built-in model")
    public CompletionStage<SeedSweepResult> sweep(
            @Parameter(description = "mlp or logreg", example = "mlp") @PathParam("model") String model) {
        return sweep.sweep(model);
    }
}
