package dev.servinglab.evaluation.leakage.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds one kind of leak: the honest evaluation beside the leaky one.
 *
 * @param name        the leak
 * @param dataset     the data set it is shown on
 * @param model       the model evaluated
 * @param explanation how the leak happens, in words
 * @param honest      the evaluation without the leak
 * @param leaky       the evaluation with it
 */
@Schema(name = "LeakageCase")
public record LeakageCase(
        String name,
        String dataset,
        String model,
        String explanation,
        LeakageEvaluation honest,
        LeakageEvaluation leaky) {

    /** Returns the honest evaluation, then the leaky one. */
    @JsonIgnore
    public List<LeakageEvaluation> evaluations() {
        return List.of(honest, leaky);
    }
}
