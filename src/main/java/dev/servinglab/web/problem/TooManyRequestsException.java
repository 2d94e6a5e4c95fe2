package dev.servinglab.web.problem;

/**
 * Signals that the server is at a limit it sets itself, such as the trainings it runs at once; answered with
 * 429 and a Retry-After header.
 */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    /**
     * Creates the exception.
     *
     * @param detail            what limit was reached, in a sentence for people
     * @param retryAfterSeconds when trying again should succeed, in seconds
     */
    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Returns when trying again should succeed, in seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
