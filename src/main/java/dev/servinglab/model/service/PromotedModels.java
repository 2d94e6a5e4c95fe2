package dev.servinglab.model.service;

import java.util.Optional;

/**
 * Keeps the promoted models where every instance of the app can read them, so that {@link ModelRegistry} loads one
 * it does not hold when a request names it. The training lab implements it; this interface lets the model package
 * ask without depending on the features above it.
 */
public interface PromotedModels {

    /** Keeps nothing: a registry that serves only what was promoted in its own memory. */
    PromotedModels NONE = new PromotedModels() {
        @Override
        public Optional<ServedModel> load(String name) {
            return Optional.empty();
        }

        @Override
        public int maxInMemory() {
            return Integer.MAX_VALUE;
        }
    };

    /**
     * Loads the promoted model of that name, blocking; empty if none is kept under it, or if the kept one cannot be
     * trusted (the implementation says why in the log).
     *
     * @throws RuntimeException if the store cannot be read at all, which is not the same as no model
     */
    Optional<ServedModel> load(String name);

    /** Returns how many promoted models one instance holds in memory; the least recently used makes way. */
    int maxInMemory();
}
