package dev.servinglab.predict.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records how long predictions take, per endpoint, model and outcome, as a Prometheus histogram
 * ({@code serving_lab_prediction_seconds}).
 */
@ApplicationScoped
public class PredictionMetrics {

    /** Bucket bounds chosen around what this server does: tens of microseconds up to a slow second. */
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(25_000),
        Duration.ofNanos(50_000),
        Duration.ofNanos(100_000),
        Duration.ofNanos(250_000),
        Duration.ofNanos(500_000),
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(1000)
    };

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    PredictionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Outcome of a request whose input was refused. */
    public static final String REJECTED = "rejected";
    /** Outcome of a request that was answered. */
    public static final String SERVED = "served";

    /**
     * Returns how many prediction requests have been recorded since the start, for work that gives way to
     * predictions when they are many (the training lab). Read off the timers, so the predict path pays nothing.
     */
    public long requestCount() {
        long count = 0;
        for (Timer timer : timers.values()) {
            count += timer.count();
        }
        return count;
    }

    /**
     * Records one prediction request.
     *
     * @param endpoint a short endpoint name, e.g. {@code predict}
     * @param model    the model that answered: a built-in model's name, {@code promoted} for any promoted training
     *                 run, {@code unknown} for a name no model has (so that clients cannot create unbounded series)
     * @param outcome  {@value #SERVED} or {@value #REJECTED}
     * @param nanos    time from receiving the body to having the answer
     */
    public void record(String endpoint, String model, String outcome, long nanos) {
        timers.computeIfAbsent(
                        endpoint + '\u0000' + model + '\u0000' + outcome,
                        key -> Timer.builder("serving_lab.prediction")
                                .description("Time to serve a prediction, from the request body to the answer")
                                .tag("endpoint", endpoint)
                                .tag("model", model)
                                .tag("outcome", outcome)
                                .serviceLevelObjectives(BUCKETS)
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
