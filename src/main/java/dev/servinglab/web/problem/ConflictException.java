package dev.servinglab.web.problem;

/**
 * Signals a request that the resource's current state does not allow, such as promoting a run that is still
 * training; answered with 409.
 */
public class ConflictException extends RuntimeException {

    /**
     * Creates the exception with a sentence for people saying what stands in the way.
     */
    public ConflictException(String detail) {
        super(detail, null, false, false);
    }
}
