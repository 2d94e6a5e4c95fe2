package dev.servinglab.evaluation.leakage.rest;

import dev.servinglab.evaluation.leakage.service.LeakageCase;
import dev.servinglab.evaluation.leakage.service.LeakageLab;
import dev.servinglab.evaluation.rest.EvaluationTags;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shows data leakage: honest test metrics beside inflated ones.
 */
@Path("/api/v1/leakage")
@Tag(name = EvaluationTags.PITFALLS, description = EvaluationTags.PITFALLS_DESCRIPTION)
@Produces(MediaType.APPLICATION_JSON)
public class LeakageResource {

    private final LeakageLab lab;

    LeakageResource(LeakageLab lab) {
        this.lab = lab;
    }

    @GET
    @Operation(
            summary = "Show data leakage",
            description = "Two leaks, each evaluated honestly and leakily: a scaler "
                    + "fitted on all rows (breast cancer, logistic regression) and duplicate rows on both sides of the "
                    + "split (spambase, 1-nearest neighbour).")
    @APIResponse(
            responseCode = "200",
            description = "Both leaks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LeakageCase.class, type = SchemaType.ARRAY)))
    public List<LeakageCase> leakage() {
        return lab.cases();
    }
}
