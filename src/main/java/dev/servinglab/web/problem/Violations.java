package dev.servinglab.web.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rules one request broke, field by field, so that the answer names them all at once, up to a bound:
 * a body with thousands of bad values gets a short answer.
 */
public final class Violations {

    private final int maxReported;
    private final List<FieldViolation> list = new ArrayList<>();
    private int more;

    /** Creates an empty collection that lists at most the given number of violations. */
    public Violations(int maxReported) {
        this.maxReported = maxReported;
    }

    /** Records that a field broke a rule. */
    public void add(String field, String rule, String message) {
        if (list.size() < maxReported) {
            list.add(new FieldViolation(field, rule, message));
        } else {
            more++;
        }
    }

    /** Tells whether any rule was broken. */
    public boolean any() {
        return !list.isEmpty();
    }

    /** Throws an {@link InvalidInputException} listing the violations, if there are any. */
    public void throwIfAny() {
        if (list.isEmpty()) {
            return;
        }
        List<FieldViolation> reported = new ArrayList<>(list);
        if (more > 0) {
            reported.add(new FieldViolation("$", "more", more + " more violations not listed"));
        }
        throw new InvalidInputException(reported);
    }
}
