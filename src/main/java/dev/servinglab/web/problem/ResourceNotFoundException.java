package dev.servinglab.web.problem;

/**
 * Signals a request for something the app does not have (a quiz, a question, a model); answered with 404. A
 * feature names its own kind of missing thing by extending it with a problem type of its own.
 */
public class ResourceNotFoundException extends RuntimeException {

    private final String type;
    private final String title;

    public ResourceNotFoundException(String message) {
        this("not-found", "Not Found", message);
    }

    /**
     * Creates the exception for a kind of missing thing of its own.
     *
     * @param type    the problem type's last path segment, e.g. {@code unknown-model}
     * @param title   the problem type's title, e.g. "Unknown model"
     * @param message what is missing, in a sentence for people
     */
    protected ResourceNotFoundException(String type, String title, String message) {
        super(message, null, false, false);
        this.type = type;
        this.title = title;
    }

    /** Returns the problem type's last path segment. */
    public String type() {
        return type;
    }

    /** Returns the problem type's title. */
    public String title() {
        return title;
    }
}
