package dev.servinglab.predict;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Computes something from the trained models once, the first time it is asked for after they are ready, and keeps
 * it: the models answer the same request the same way for as long as the app runs. Before they are ready there is
 * nothing, and the next call tries again.
 *
 * @param <T> what is computed
 */
public final class OnceTrained<T> {

    private final BooleanSupplier trained;
    private final Supplier<T> compute;
    private volatile T value;

    /**
     * Prepares the computation, without running it.
     *
     * @param trained tells, without waiting, whether the models are ready ({@code ModelRegistry::isReady})
     * @param compute computes the value from the trained models; never returns {@code null}
     */
    public OnceTrained(BooleanSupplier trained, Supplier<T> compute) {
        this.trained = trained;
        this.compute = compute;
    }

    /** Returns the value, computing it if the models are ready and it is not known yet; empty while they train. */
    public Optional<T> get() {
        T known = value;
        if (known == null) {
            synchronized (this) {
                known = value;
                if (known == null && trained.getAsBoolean()) {
                    known = compute.get();
                    value = known;
                }
            }
        }
        return Optional.ofNullable(known);
    }
}
