package dev.servinglab.training.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds the optional body of POST /api/v1/trainings/{id}/promotion, bound by Jackson (refusing fields it does not
 * have) and checked by Hibernate Validator.
 *
 * @param name the name to serve the model under; {@code run-<id>} when left out
 */
@Schema(name = "PromotionRequest", description = "How to serve a training run; the body is optional")
public record PromotionRequest(
        @Pattern(regexp = NAME_PATTERN, message = NAME_RULE)
        @Schema(
                pattern = NAME_PATTERN,
                examples = "my-iris-model",
                description = "Lower-case letters, digits and dashes, 2 to 40 characters, starting with a letter; "
                        + "run-<id> when left out")
        String name) {

    /**
     * The rule of a served model's name, written once for the validator, the published schema and the training
     * lab's input: a dash is escaped so that browsers (which read a pattern in their strictest mode) take it too.
     */
    public static final String NAME_PATTERN = "^[a-z][a-z0-9\\-]{1,39}$";

    /** What the rule asks, in words. */
    public static final String NAME_RULE =
            "must be 2 to 40 lower-case letters, digits and dashes, starting with a letter";

    /**
     * Binds the optional promotion body with Jackson and checks it with Hibernate Validator: a field the request does
     * not have, or a value that breaks its rule, is a 422 naming the field. Read here rather than bound as a
     * {@code @Valid} parameter of the resource method because a request with no body and no content type at all
     * must work, and because the app's Jackson ignores unknown fields, which this body refuses.
     */
    static final class Reader {
        private final ObjectReader json;
        private final Validator validator;

        Reader(ObjectMapper json, Validator validator) {
            this.json = json.readerFor(PromotionRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            this.validator = validator;
        }

        /**
         * Reads a body; none at all, or a JSON null, asks for the default name.
         *
         * @throws JsonProcessingException if it is not JSON, or not an object
         * @throws InvalidInputException   naming each field that is unknown or breaks its rule
         */
        PromotionRequest read(byte[] body) throws IOException {
            if (body == null || body.length == 0) {
                return new PromotionRequest(null);
            }
            PromotionRequest request;
            try {
                request = json.readValue(body);
            } catch (UnrecognizedPropertyException e) {
                throw new InvalidInputException(
                        e.getPropertyName(), "unknown-field", "is not a field of this request; expected name");
            }
            if (request == null) {
                return new PromotionRequest(null);
            }
            List<FieldViolation> violations =
                    validator.validate(request).stream().map(Reader::violation).toList();
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            return request;
        }

        /** Names a violation by its field (the last node of its path) and its rule (the constraint, in lower case). */
        private static FieldViolation violation(ConstraintViolation<?> violation) {
            String field = "$";
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName();
            }
            String rule = violation
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName()
                    .toLowerCase(Locale.ROOT);
            return new FieldViolation(field, rule, violation.getMessage());
        }
    }
}
