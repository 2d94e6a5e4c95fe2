package dev.servinglab.web.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names the fields of a request body that broke a rule, as the API's problem details name them
 * ({@code answers.input-shape.choices[0]}), from Hibernate Validator's violations or Jackson's unknown field.
 */
public final class BodyViolations {

    private static final PropertyNamingStrategies.NamingBase JSON_NAMES =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private BodyViolations() {}

    /** Returns every violation of a validated request body, sorted by field. */
    public static List<FieldViolation> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(field(v.getPropertyPath()), rule(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::rule))
                .toList();
    }

    /** Returns the violation of a body that holds a field its record does not have. */
    public static FieldViolation unknownField(UnrecognizedPropertyException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        String known =
                e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return new FieldViolation(
                field.toString(), "unknown-field", "is not a field of this body; its fields: " + known);
    }

    /** Returns a body's field as a JSON path: the method and parameter left out, names as JSON writes them. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                field.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(JSON_NAMES.translate(node.getName()));
            }
        }
        return field.isEmpty() ? "$" : field.toString();
    }

    /** Returns the rule a constraint stands for, in the API's words: {@code required}, {@code minimum}, ... */
    private static String rule(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotEmpty", "NotBlank" -> "required";
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "minimum";
            case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> "maximum";
            case "UniqueElements" -> "unique";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        };
    }
}
