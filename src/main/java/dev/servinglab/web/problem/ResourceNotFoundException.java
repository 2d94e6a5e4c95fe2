package dev.servinglab.web.problem;

/**
 * Signals a request for something the app does not have (a quiz, a question); answered with 404.
 */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message, null, false, false);
    }
}
