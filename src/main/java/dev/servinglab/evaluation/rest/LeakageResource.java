package dev.servinglab.evaluation.rest;

import dev.servinglab.evaluation.service.LeakageLab;
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
@Tag(name = "Pitfalls", description = "The accuracy paradox and data leakage, on real data")
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
                            schema = @Schema(implementation = LeakageLab.Case.class, type = SchemaType.ARRAY)))
    public List<LeakageLab.Case> leakage() {
        return lab.cases();
    }
}
