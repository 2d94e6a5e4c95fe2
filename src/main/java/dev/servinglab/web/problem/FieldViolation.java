package dev.servinglab.web.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Names one field of a request that broke a rule.
 *
 * @param field   the field, as a JSON path such as {@code instances[2].petal_width}; {@code $} is the whole body
 * @param rule    the rule broken, a short keyword such as {@code required} or {@code maximum}
 * @param message the same in a sentence, for people
 */
@Schema(description = "One field that broke a rule")
public record FieldViolation(
        @Schema(examples = "petal_width") String field,
        @Schema(examples = "minimum") String rule,
        @Schema(examples = "must be greater than 0 (cm)") String message) {}
