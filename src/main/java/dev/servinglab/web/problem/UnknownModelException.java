package dev.servinglab.web.problem;

/**
 * Signals a request naming a model the server does not serve; answered with 404.
 */
public class UnknownModelException extends RuntimeException {

    private final String model;

    public UnknownModelException(String model, Iterable<String> known) {
        super("no model named '" + model + "'; served models: " + String.join(", ", known), null, false, false);
        this.model = model;
    }

    /** Returns the name that was asked for. */
    public String model() {
        return model;
    }
}
