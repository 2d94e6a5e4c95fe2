package dev.servinglab.lesson.rest;

import dev.servinglab.lesson.service.PredictionReveal;
import dev.servinglab.lesson.service.Predictions;
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
 * Serves the reveal of a lesson's prediction element once the learner has committed a prediction: the lesson page
 * holds the question only, so the answer cannot be read before.
 */
@Path("/api/v1/lessons/{slug}/predictions/{id}")
@Tag(name = "Lessons", description = "What the lesson pages fetch as the learner goes")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    private final Predictions predictions;

    PredictionResource(Predictions predictions) {
        this.predictions = predictions;
    }

    @GET
    @Operation(
            summary = "Reveal a prediction",
            description = "Takes the learner's committed prediction (a choice's number from 1, a number, or a few "
                    + "sentences of their own, at most 300 characters) and returns it in words with what happened "
                    + "and why, as HTML from the lesson, live values filled in. Nothing is stored: the page keeps "
                    + "the prediction in the browser.")
    @APIResponse(
            responseCode = "200",
            description = "The reveal",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictionReveal.class)))
    @APIResponse(responseCode = "404", description = "No such lesson, or no such prediction in it")
    @APIResponse(
            responseCode = "422",
            description = "No prediction, one over 300 characters, or one that does not fit the element")
    public PredictionReveal reveal(
            @Parameter(description = "The lesson's slug", example = "02-the-predict-api-hands-on") @PathParam("slug")
                    String slug,
            @Parameter(description = "The prediction element's id", example = "skip-scaling") @PathParam("id")
                    String id,
            @Parameter(description = "The committed prediction", example = "2") @QueryParam(Predictions.PREDICTION)
                    String prediction) {
        return predictions.reveal(slug, id, prediction);
    }
}
