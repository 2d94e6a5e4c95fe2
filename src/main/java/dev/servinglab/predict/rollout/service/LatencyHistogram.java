package dev.servinglab.predict.rollout.service;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts latencies into fixed buckets, so that recording costs one increment on the predict path and percentiles
 * can be read at any time. A percentile is the upper bound of the bucket it falls in ("p99 ≤ 0.3 ms"), never more
 * precise than the buckets.
 */
final class LatencyHistogram {

    /** Upper bounds of the buckets in microseconds, around what this server does; one more bucket is open-ended. */
    private static final long[] UPPER_MICROS = {
        25, 50, 75, 100, 150, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 7_500, 10_000, 20_000, 50_000,
        100_000, 250_000, 1_000_000
    };

    // One adder per bucket: the event-loop threads that record the same bucket at once do not contend on one word.
    private final LongAdder[] counts = new LongAdder[UPPER_MICROS.length + 1];

    LatencyHistogram() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Records one latency. */
    void record(long nanos) {
        long micros = nanos / 1_000;
        int i = 0;
        while (i < UPPER_MICROS.length && micros > UPPER_MICROS[i]) {
            i++;
        }
        counts[i].increment();
    }

    /**
     * Returns the upper bound, in milliseconds, of the bucket holding the given quantile, or {@code null} when
     * nothing was recorded. The open-ended bucket reads as its lower bound.
     *
     * @param quantile between 0 (exclusive) and 1 (inclusive), e.g. 0.99
     */
    Double quantileMs(double quantile) {
        long total = 0;
        long[] snapshot = new long[counts.length];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = counts[i].sum();
            total += snapshot[i];
        }
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return UPPER_MICROS[Math.min(i, UPPER_MICROS.length - 1)] / 1_000.0;
            }
        }
        return UPPER_MICROS[UPPER_MICROS.length - 1] / 1_000.0;
    }
}
