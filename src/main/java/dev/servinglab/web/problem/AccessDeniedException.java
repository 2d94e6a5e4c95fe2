package dev.servinglab.web.problem;

/**
 * Signals a request without the credential an action needs (401), or with one that does not allow it (403).
 */
public class AccessDeniedException extends RuntimeException {

    private final int status;

    private AccessDeniedException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    /** Creates the exception for a request that carries no credential: answered with 401. */
    public static AccessDeniedException unauthenticated(String detail) {
        return new AccessDeniedException(401, detail);
    }

    /** Creates the exception for a credential that does not allow the action: answered with 403. */
    public static AccessDeniedException forbidden(String detail) {
        return new AccessDeniedException(403, detail);
    }

    /** Returns the HTTP status: 401 or 403. */
    public int status() {
        return status;
    }
}
