package dev.servinglab.web.problem;

/**
 * Signals a body that is not the JSON the operation expects (a syntax error, or the wrong structure);
 * answered with 400.
 */
public class MalformedRequestException extends RuntimeException {

    public MalformedRequestException(String message) {
        // No stack trace: bad input is expected traffic, not a failure of ours.
        super(message, null, false, false);
    }
}
