package dev.servinglab.web.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Fixes each fuzz property's seed, so that a run in CI is repeatable, unless {@code -Dfuzz.seed=random} asks for a
 * new one (bench/fuzz.sh, hunting for new failures) or {@code -Dfuzz.seed=N} replays a reported one. The number of
 * tries is jqwik's own {@code jqwik.tries.default}, set by {@link ApiFuzzTest}.
 */
public final class FuzzBudget implements AroundPropertyHook {

    /** The seed of a CI run. */
    static final String DEFAULT_SEED = "20261201";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty("fuzz.seed", DEFAULT_SEED);
        if (!seed.equals("random")) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }
}
