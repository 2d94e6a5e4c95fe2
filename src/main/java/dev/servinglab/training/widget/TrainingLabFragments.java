package dev.servinglab.training.widget;

import dev.servinglab.training.service.TrainingService;
import dev.servinglab.training.service.TrainingSummary;
import dev.servinglab.web.problem.ConflictException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the parts of the training lab that the page script swaps in, rendered by Qute like the rest of the
 * widget: the script never builds them itself.
 */
@Path("/widgets/training-lab")
@Produces(MediaType.TEXT_HTML)
public class TrainingLabFragments {

    private final TrainingService trainings;

    TrainingLabFragments(TrainingService trainings) {
        this.trainings = trainings;
    }

    /** Shows how a run ended: the sentence and the confusion matrix on its test rows. */
    @GET
    @Path("/runs/{id}/result")
    @Operation(hidden = true)
    public TemplateInstance result(@PathParam("id") String id) {
        TrainingSummary summary = trainings.require(id).summary();
        if (summary == null) {
            throw new ConflictException("Run " + id + " is still training; its result comes with its summary.");
        }
        return TrainingLabWidget.Templates.result(summary);
    }
}
