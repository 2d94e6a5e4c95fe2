package dev.servinglab.web.problem;

/**
 * Signals that the server is stopping and takes no new work; answered with 503 and a Retry-After header, so that
 * a client sends it again once the server is back.
 */
public class ServerStoppingException extends RuntimeException {

    private final long retryAfterSeconds;

    /**
     * Creates the exception.
     *
     * @param detail            what was not done, in a sentence for people
     * @param retryAfterSeconds when trying again may succeed, in seconds
     */
    public ServerStoppingException(String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Returns when trying again may succeed, in seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
