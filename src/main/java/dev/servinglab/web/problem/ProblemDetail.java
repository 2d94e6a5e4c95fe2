package dev.servinglab.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Describes an error as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type     a URI reference naming the kind of problem
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request
 * @param instance the path of the request
 * @param errors   the fields that broke a rule, when there are any
 */
@Schema(name = ProblemResponses.SCHEMA, description = "An error, as RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(
        @Schema(examples = "/problems/invalid-input") String type,
        @Schema(examples = "Invalid input") String title,
        @Schema(examples = "422") int status,

        @Schema(examples = "petal_width must be greater than 0 (cm)")
        String detail,

        @Schema(examples = "/api/v1/predict") String instance,
        List<FieldViolation> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
