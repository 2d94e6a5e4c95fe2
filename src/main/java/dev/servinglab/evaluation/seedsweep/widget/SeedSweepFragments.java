package dev.servinglab.evaluation.seedsweep.widget;

import dev.servinglab.evaluation.seedsweep.service.SeedSweep;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the seed sweep's result part, rendered from the widget's own template, for its page script to swap in.
 */
@Path("/widgets/seed-sweep")
@Produces(MediaType.TEXT_HTML)
public class SeedSweepFragments {

    private final SeedSweep sweep;

    SeedSweepFragments(SeedSweep sweep) {
        this.sweep = sweep;
    }

    /** Renders the sweep of a built-in model once it is done: the summary, the chart's canvas and the table. */
    @GET
    @Path("/result")
    @Operation(hidden = true)
    public CompletionStage<String> result(@QueryParam("model") @NotNull(message = "is required") String model) {
        return sweep.sweep(model)
                .thenApply(result -> SeedSweepWidget.Templates.result(result).render());
    }
}
