package dev.servinglab.model.service;

import dev.servinglab.web.problem.ServerStoppingException;

/**
 * Signals that a promoted model might exist but its store cannot be read right now (the database is down or slow);
 * answered with 503 and a Retry-After header, like a server that is stopping, rather than a 404 that would say the
 * model does not exist.
 */
public class ModelStoreUnavailableException extends ServerStoppingException {

    /**
     * Creates the exception.
     *
     * @param model             the model asked for
     * @param retryAfterSeconds when trying again may succeed, in seconds
     */
    public ModelStoreUnavailableException(String model, long retryAfterSeconds) {
        super(
                "The model '" + model + "' is not held by this server and the store of promoted models cannot be "
                        + "read right now; try again shortly.",
                retryAfterSeconds);
    }
}
