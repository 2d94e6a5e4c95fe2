package dev.servinglab.evaluation.calibration.rest;

import dev.servinglab.evaluation.calibration.service.Calibration;
import dev.servinglab.evaluation.calibration.service.ReliabilityDiagram;
import jakarta.validation.constraints.Pattern;
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
 * Shows whether a served model's probabilities can be read as chances: its reliability diagram.
 */
@Path("/api/v1/calibration")
@Tag(name = "Calibration", description = "Are the model's probabilities chances? Its reliability diagram")
@Produces(MediaType.APPLICATION_JSON)
public class CalibrationResource {

    private final Calibration calibration;

    CalibrationResource(Calibration calibration) {
        this.calibration = calibration;
    }

    @GET
    @Path("/{model}")
    @Operation(
            summary = "Draw a built-in model's reliability diagram",
            description = "Scores the validation and test flowers (never learned from) with the built-in model "
                    + "`mlp` or `logreg`. Each flower gives one prediction per class (\"virginica with probability "
                    + "0.8\"); the predictions are binned by probability, and each bin says how many there were, "
                    + "their mean probability and how often the flower really was of that class. A calibrated "
                    + "model's bins lie on the diagonal: of the predictions near 0.8, about 80 % right.")
    @APIResponse(
            responseCode = "200",
            description = "The diagram",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReliabilityDiagram.class)))
    @APIResponse(responseCode = "404", description = "Not a built-in model")
    @APIResponse(responseCode = "422", description = "The bin count is not a whole number from 2 to 20")
    public ReliabilityDiagram diagram(
            @Parameter(description = "mlp or logreg", example = "mlp") @PathParam("model") String model,
            @Parameter(description = "How many equal-width bins, 2 to 20", example = "10")
                    @QueryParam("bins")
                    @DefaultValue("10")
                    @Pattern(regexp = Calibration.BINS_PATTERN, message = Calibration.BINS_RULE)
                    String bins) {
        return calibration.diagram(model, Integer.parseInt(bins));
    }
}
