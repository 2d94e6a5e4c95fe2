package dev.servinglab.training.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents the optional body of POST /api/v1/trainings/{id}/promotion.
 *
 * @param name the name to serve the model under; {@code run-<id>} when left out
 */
@Schema(name = "PromotionRequest", description = "How to serve a training run; the body is optional")
public record PromotionRequest(
        @Schema(
                pattern = "^[a-z][a-z0-9-]{1,39}$",
                examples = "my-iris-model",
                description = "Lower-case letters, digits and dashes, 2 to 40 characters, starting with a letter; "
                        + "run-<id> when left out")
        String name) {}
