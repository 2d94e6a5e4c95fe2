package dev.servinglab.training.service;

import dev.servinglab.model.service.Evaluation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports how a training run ended: the event the stream sends last.
 *
 * @param id              the run
 * @param status          {@code completed}, {@code cancelled} or {@code failed}
 * @param stop            why it stopped, as a keyword: {@code epochs}, {@code early-stop}, {@code time-limit},
 *                        {@code cancelled}, {@code disconnected} or {@code error}
 * @param stopReason      the same in a sentence
 * @param epochsRun       epochs trained
 * @param bestEpoch       the epoch with the lowest validation loss
 * @param keptEpoch       the epoch whose weights the model has (the best one after an early stop, else the last)
 * @param overfittingFrom the epoch from which the curves showed overfitting, or null
 * @param durationMs      wall-clock time of the run, pauses included
 * @param test            the kept model's metrics on the held-out test split
 * @param observations    the epochs that showed something, with what they showed
 */
@Schema(description = "How a training run ended")
public record TrainingSummary(
        String id,

        @Schema(enumeration = {"completed", "cancelled", "failed"})
        String status,

        @Schema(enumeration = {"epochs", "early-stop", "time-limit", "cancelled", "disconnected", "error"})
        String stop,

        String stopReason,
        int epochsRun,
        int bestEpoch,
        int keptEpoch,
        Integer overfittingFrom,
        double durationMs,
        Evaluation test,
        List<TrainingEpoch> observations) {}
