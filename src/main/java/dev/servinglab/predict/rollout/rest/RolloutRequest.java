package dev.servinglab.predict.rollout.rest;

import dev.servinglab.predict.rollout.service.Rollout;
import dev.servinglab.predict.rollout.service.RolloutMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Asks for a rollout.
 *
 * @param candidate the served model on trial: a promoted training run, or another built-in model
 * @param mode      canary or shadow
 * @param percent   for a canary, the share of requests it answers (1 to 99); leave it out for a shadow
 */
@Schema(name = "RolloutRequest")
public record RolloutRequest(
        @Schema(examples = "logreg", maxLength = 64)
        @NotBlank(message = "is required: the name of a served model")
        @Size(max = 64, message = "must be at most 64 characters")
        String candidate,

        @NotNull(message = "is required: canary or shadow") RolloutMode mode,

        @Schema(examples = "20", minimum = "1", maximum = "100")
        @Min(value = Rollout.MIN_CANARY_PERCENT, message = "must be at least 1")
        @Max(value = 100, message = "must be at most 99 for a canary (100 is a promotion)")
        Integer percent) {}
