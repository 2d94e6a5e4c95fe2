package dev.servinglab.predict.rollout.service;

import java.util.concurrent.atomic.LongAdder;

/** Counts what one model version did for one deployment: requests, errors and how long they took. */
final class VersionStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();

    /** Records one request routed to this version, answered or refused. */
    void record(long nanos, boolean failed) {
        requests.increment();
        if (failed) {
            errors.increment();
        }
        latency.record(nanos);
    }

    /** Returns what has been recorded so far. */
    VersionFigures figures() {
        long n = requests.sum();
        long failed = errors.sum();
        return new VersionFigures(
                n, failed, n == 0 ? null : (double) failed / n, latency.quantileMs(0.5), latency.quantileMs(0.99));
    }
}
