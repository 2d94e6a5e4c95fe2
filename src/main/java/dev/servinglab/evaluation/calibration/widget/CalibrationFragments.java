package dev.servinglab.evaluation.calibration.widget;

import dev.servinglab.evaluation.calibration.service.Calibration;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the part of the reliability diagram widget that its page script swaps in at every choice, rendered from
 * the widget's own template.
 */
@Path("/widgets/calibration")
@Produces(MediaType.TEXT_HTML)
public class CalibrationFragments {

    private final Calibration calibration;

    CalibrationFragments(Calibration calibration) {
        this.calibration = calibration;
    }

    /** Renders the summary, the chart's canvas and the table for a built-in model and a bin count. */
    @GET
    @Path("/result")
    @Operation(hidden = true)
    public TemplateInstance result(
            @QueryParam("model") @NotNull(message = "is required") String model,
            @QueryParam("bins")
                    @NotNull(message = "is required")
                    @Pattern(regexp = Calibration.BINS_PATTERN, message = Calibration.BINS_RULE)
                    String bins) {
        return CalibrationWidget.Templates.widget$result(calibration.diagram(model, Integer.parseInt(bins)));
    }
}
