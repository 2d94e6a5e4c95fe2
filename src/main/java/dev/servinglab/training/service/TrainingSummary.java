package dev.servinglab.training.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.StopCause;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports how a training run ended: the event the stream sends last.
 *
 * @param id              the run
 * @param stop            why it stopped, as a keyword (see {@link StopCause})
 * @param stopReason      the same in a sentence
 * @param epochsRun       epochs trained
 * @param bestEpoch       the epoch with the lowest validation loss
 * @param keptEpoch       the epoch whose weights the model has (the best one after an early stop, else the last)
 * @param overfittingFrom the epoch from which the curves showed overfitting, or null
 * @param durationMs      wall-clock time of the run, pauses included
 * @param test            the kept model's metrics on the held-out test split; null for a failed run
 * @param observations    the epochs that showed something, with what they showed
 */
@Schema(description = "How a training run ended")
@JsonPropertyOrder({"id", "status"})
public record TrainingSummary(
        String id,
        StopCause stop,
        String stopReason,
        int epochsRun,
        int bestEpoch,
        int keptEpoch,
        Integer overfittingFrom,
        double durationMs,
        Evaluation test,
        List<TrainingEpoch> observations) {

    /** Returns what became of the run, which follows from why it stopped: completed, cancelled or failed. */
    @JsonProperty("status")
    @Schema(required = true)
    public TrainingRun.Status status() {
        return TrainingRun.Status.after(stop);
    }
}
