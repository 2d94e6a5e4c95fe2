package dev.servinglab.model.service;

import dev.servinglab.web.problem.ResourceNotFoundException;

/**
 * Signals a request naming a model the server does not serve; answered with 404.
 */
public class UnknownModelException extends ResourceNotFoundException {

    public UnknownModelException(String model, Iterable<String> known) {
        super(
                "unknown-model",
                "Unknown model",
                "no model named '" + model + "'; served models: " + String.join(", ", known));
    }
}
