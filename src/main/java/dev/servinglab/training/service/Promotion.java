package dev.servinglab.training.service;

import dev.servinglab.model.service.ServedModel;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Tells where a promoted run is served and how to call it.
 *
 * @param model      the model's name: pass it as {@code ?model=} to the predict API
 * @param version    the model's version (the run's id)
 * @param runId      the run
 * @param created    false when the run had been promoted before and this answer repeats it
 * @param retired    promoted models deleted from the store to stay within its bound, and no longer served
 * @param modelCard  where its model card is
 * @param predict    where to ask it for predictions
 * @param example    a row of the run's own test split, ready to send to {@code predict}
 */
@Schema(description = "Where a promoted training run is served")
public record Promotion(
        @Schema(examples = "run-3f9a1c07e25b4d81") String model,
        String version,
        String runId,
        boolean created,
        List<String> retired,
        String modelCard,
        String predict,

        @Schema(description = "A test row of the run, as a predict request body")
        Map<String, Double> example) {

    /**
     * The rule of a served model's name, written once for the validator, the published schema, the training lab's
     * input and the store: a dash is escaped so that browsers (which read a pattern in their strictest mode) take
     * it too. The default name {@code run-<id>} keeps it.
     */
    public static final String NAME_PATTERN = "^[a-z][a-z0-9\\-]{1,39}$";

    /** What the rule asks, in words. */
    public static final String NAME_RULE =
            "must be 2 to 40 lower-case letters, digits and dashes, starting with a letter";

    static Promotion of(TrainingRun run, ServedModel model, List<String> retired, boolean created) {
        return new Promotion(
                model.name(),
                model.version(),
                run.id(),
                created,
                retired,
                "/api/v1/models/" + model.name(),
                "/api/v1/predict?model=" + model.name(),
                run.example());
    }
}
