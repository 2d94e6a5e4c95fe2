package dev.servinglab.training.rest;

import dev.servinglab.training.service.Promotion;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds the optional body of POST /api/v1/trainings/{id}/promotion, bound by Jackson (refusing fields it does not
 * have, through {@link dev.servinglab.web.http.StrictJsonReader}) and checked by Hibernate Validator, like every
 * other body: {@link dev.servinglab.web.problem.ProblemMapper} names the field that breaks a rule.
 *
 * @param name the name to serve the model under; {@code run-<id>} when left out
 */
@Schema(name = "PromotionRequest", description = "How to serve a training run; the body is optional")
public record PromotionRequest(
        @Pattern(regexp = Promotion.NAME_PATTERN, message = Promotion.NAME_RULE)
        @Schema(
                pattern = Promotion.NAME_PATTERN,
                examples = "my-iris-model",
                description = "Lower-case letters, digits and dashes, 2 to 40 characters, starting with a letter; "
                        + "run-<id> when left out")
        String name) {}
