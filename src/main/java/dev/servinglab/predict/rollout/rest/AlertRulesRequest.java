package dev.servinglab.predict.rollout.rest;

import dev.servinglab.predict.rollout.service.AlertRules;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sets a deployment's alert rules.
 *
 * @param p99Ms         fire when the window's p99 latency is above this many milliseconds
 * @param errorRate     fire when the window's share of refused requests is above this (0 to 1)
 * @param windowSeconds how far back the window reaches, in seconds
 */
@Schema(name = "AlertRules")
public record AlertRulesRequest(
        @Schema(examples = "2")
        @NotNull(message = "is required")
        @Positive(message = "must be above 0")
        @DecimalMax(value = "60000", message = "must be at most 60000 ms")
        Double p99Ms,

        @Schema(examples = "0.05")
        @NotNull(message = "is required")
        @DecimalMin(value = "0", message = "must be at least 0")
        @DecimalMax(value = "1", message = "must be at most 1")
        Double errorRate,

        @Schema(examples = "60")
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = AlertRules.MAX_WINDOW_SECONDS, message = "must be at most 3600")
        Integer windowSeconds) {}
