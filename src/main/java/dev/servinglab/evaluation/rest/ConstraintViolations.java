package dev.servinglab.evaluation.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns what Hibernate Validator found wrong with a request into the API's own invalid input: every field named
 * as the client wrote it, with a short rule and the constraint's message, answered 422 like any other broken rule.
 *
 * <p>The evaluation resources map {@link ConstraintViolationException} through here themselves until
 * {@code web.problem.ProblemMapper} does it for every feature.
 */
public final class ConstraintViolations {

    /** Rules by constraint: the API's keywords where it has one, else the constraint's name in kebab case. */
    private static final Map<String, String> RULES = Map.of(
            "Min", "range",
            "Max", "range",
            "DecimalMin", "range",
            "DecimalMax", "range",
            "Pattern", "format",
            "NotNull", "required",
            "NotBlank", "required",
            "NotEmpty", "required");

    private static final PropertyNamingStrategies.NamingBase JSON_NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private ConstraintViolations() {}

    /**
     * Lists every violation once, in a stable order: two constraints that fail for the same reason on the same
     * field (a threshold below 0 is also not at most 1…) give one entry.
     */
    public static InvalidInputException toInvalidInput(ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(ConstraintViolations::describe)
                .distinct()
                .sorted(Comparator.comparing(FieldViolation::field)
                        .thenComparing(FieldViolation::rule)
                        .thenComparing(FieldViolation::message))
                .toList();
        return new InvalidInputException(violations);
    }

    private static FieldViolation describe(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return new FieldViolation(
                field(violation.getPropertyPath()),
                RULES.getOrDefault(constraint, JSON_NAMES.translate(constraint).replace('_', '-')),
                violation.getMessage());
    }

    /**
     * Names the field by the last node of the path: the parameter of a method, or the property of a body, which
     * the API spells in snake case.
     */
    private static String field(Path path) {
        String name = "$";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = JSON_NAMES.translate(node.getName());
            }
        }
        return name;
    }
}
