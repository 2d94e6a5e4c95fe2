package dev.servinglab.evaluation.threshold.widget;

import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.evaluation.threshold.service.ThresholdLab;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the part of the threshold lab that its page script swaps in at every threshold, rendered from the
 * widget's own template by Qute: the script never builds it itself.
 */
@Path("/widgets/threshold-lab")
@Produces(MediaType.TEXT_HTML)
public class ThresholdLabFragments {

    private final ThresholdLab thresholds;

    ThresholdLabFragments(ThresholdLab thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Renders the widget's result part (the summary, matrix, metrics, curves and their data table) at a threshold.
     */
    @GET
    @Path("/result")
    @Operation(hidden = true)
    public TemplateInstance result(
            @QueryParam("dataset") @NotNull(message = "is required") String dataset,
            @QueryParam("threshold")
                    @NotNull(message = "is required")
                    @DecimalMin(value = "0", message = ThresholdLab.THRESHOLD_RULE)
                    @DecimalMax(value = "1", message = ThresholdLab.THRESHOLD_RULE)
                    String threshold) {
        return ThresholdLabWidget.Templates.widget$result(
                thresholds.effect(dataset, Double.parseDouble(threshold)), Metric.ALL);
    }
}
