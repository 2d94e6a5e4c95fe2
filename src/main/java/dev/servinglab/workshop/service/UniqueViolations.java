package dev.servinglab.workshop.service;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Finds a unique constraint's refusal among the causes a commit wraps it in. */
final class UniqueViolations {

    private UniqueViolations() {}

    /** Returns the constraint violation among an exception's causes, if there is one. */
    static Optional<ConstraintViolationException> in(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }
}
