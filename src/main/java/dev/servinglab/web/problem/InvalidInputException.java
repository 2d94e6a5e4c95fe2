package dev.servinglab.web.problem;

import java.util.List;

/**
 * Signals a well-formed request whose values break the API's rules; answered with 422 and every violation.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(summary(violations), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new FieldViolation(field, rule, message)));
    }

    /** Returns every field that broke a rule. */
    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        StringBuilder text = new StringBuilder();
        for (FieldViolation v : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(v.field()).append(' ').append(v.message());
        }
        return text.toString();
    }
}
