package dev.servinglab.web.problem;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Names the fields of a request that broke a rule, as the API's problem details name them (a body's field as a
 * JSON path such as {@code answers.input-shape.choices[0]}, a query parameter by its name), from Hibernate
 * Validator's violations or from Jackson's unknown field. The rules are the API's keywords, those of JSON Schema
 * where it has one: {@code required}, {@code minimum}, {@code maximum}, {@code pattern}, {@code type}...
 */
public final class RequestViolations {

    private static final PropertyNamingStrategies.NamingBase JSON_NAMES =
            new PropertyNamingStrategies.SnakeCaseStrategy();
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("NotNull", "required"),
            Map.entry("NotEmpty", "required"),
            Map.entry("NotBlank", "required"),
            Map.entry("Min", "minimum"),
            Map.entry("DecimalMin", "minimum"),
            Map.entry("Positive", "minimum"),
            Map.entry("PositiveOrZero", "minimum"),
            Map.entry("Max", "maximum"),
            Map.entry("DecimalMax", "maximum"),
            Map.entry("Negative", "maximum"),
            Map.entry("NegativeOrZero", "maximum"),
            Map.entry("Pattern", "pattern"),
            Map.entry("UniqueElements", "unique"));

    private RequestViolations() {}

    /**
     * Returns every violation of a validated request once, sorted by field. A value that breaks both its minimum
     * and its maximum with one message is not a number at all: it is reported once, as a {@code type} violation.
     */
    public static List<FieldViolation> of(ConstraintViolationException e) {
        Map<List<String>, Set<String>> rulesByFieldAndMessage = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            rulesByFieldAndMessage
                    .computeIfAbsent(List.of(field(violation), violation.getMessage()), key -> new TreeSet<>())
                    .add(rule(violation));
        }
        List<FieldViolation> violations = new ArrayList<>();
        rulesByFieldAndMessage.forEach((fieldAndMessage, rules) -> {
            if (rules.containsAll(Set.of("minimum", "maximum"))) {
                rules.removeAll(Set.of("minimum", "maximum"));
                rules.add("type");
            }
            rules.forEach(
                    rule -> violations.add(new FieldViolation(fieldAndMessage.get(0), rule, fieldAndMessage.get(1))));
        });
        violations.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::rule));
        return violations;
    }

    /** Returns the violation of a body that holds a field its record does not have. */
    public static FieldViolation unknownField(UnrecognizedPropertyException e) {
        String known =
                e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return new FieldViolation(
                JsonErrors.path(e), "unknown-field", "is not a field of this body; its fields: " + known);
    }

    /**
     * Returns the field as the client wrote it: a body's field as a JSON path, names as JSON writes them; a query,
     * path or header parameter by the name the client sends; the whole body as {@code $}.
     */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case PARAMETER -> parameter = requestName(violation, method, node.as(Path.ParameterNode.class));
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.isInIterable()) {
                        field.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey());
                    }
                    if (node.getKind() == ElementKind.PROPERTY) {
                        field.append(field.isEmpty() ? "" : ".").append(JSON_NAMES.translate(node.getName()));
                    }
                }
                default -> {}
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "$" : parameter;
    }

    /**
     * Returns the name a resource method's parameter has in the request (its {@code @QueryParam},
     * {@code @PathParam} or {@code @HeaderParam}), or {@code null} for the body. The method is looked up from the
     * validated class upwards, past the subclass CDI may have generated for it.
     */
    private static String requestName(
            ConstraintViolation<?> violation, Path.MethodNode method, Path.ParameterNode node) {
        if (method == null) {
            return null;
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                Method declared = type.getDeclaredMethod(method.getName(), types);
                for (Annotation annotation : declared.getParameters()[node.getParameterIndex()].getAnnotations()) {
                    String name = switch (annotation) {
                        case QueryParam query -> query.value();
                        case PathParam path -> path.value();
                        case HeaderParam header -> header.value();
                        default -> null;
                    };
                    if (name != null) {
                        return name;
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return null;
    }

    /** Returns the rule a constraint stands for, in the API's words. */
    private static String rule(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return RULES.getOrDefault(
                constraint, constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }
}
