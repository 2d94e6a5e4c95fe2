package dev.servinglab.web.problem;

import jakarta.ws.rs.core.Response;

/**
 * Answers the errors of a group of paths in a format of its own instead of problem details, as a protocol with
 * its own error body asks. A feature provides one as a CDI bean; {@link ProblemMapper} asks each in turn.
 */
public interface ErrorFormat {

    /** Tells whether errors on this request path are answered in this format. */
    boolean covers(String path);

    /**
     * Answers one error.
     *
     * @param status the HTTP status problem details would have
     * @param detail what went wrong, in a sentence for people
     */
    Response answer(int status, String detail);
}
