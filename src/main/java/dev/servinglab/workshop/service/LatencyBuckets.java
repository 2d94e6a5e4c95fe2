package dev.servinglab.workshop.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Defines the buckets of the class load test's latency histogram, in milliseconds, and reads percentiles from
 * bucket counts. Fixed bounds let every learner's run be added into one histogram; a percentile read from it is
 * the upper bound of the bucket it falls in ("p99 ≤ 3 ms"), never more precise than the buckets.
 */
public final class LatencyBuckets {

    /** The upper bounds of the buckets, in milliseconds; one more bucket holds everything slower. */
    static final double[] UPPER_MS = {
        0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000
    };

    /** How many buckets there are, the open-ended last one included. */
    public static final int COUNT = UPPER_MS.length + 1;

    private LatencyBuckets() {}

    /** Counts latencies (milliseconds) into the buckets. */
    public static long[] count(List<Double> latenciesMs) {
        long[] counts = new long[COUNT];
        for (double latency : latenciesMs) {
            counts[index(latency)]++;
        }
        return counts;
    }

    /** Returns the bucket a latency falls in. */
    static int index(double latencyMs) {
        for (int i = 0; i < UPPER_MS.length; i++) {
            if (latencyMs <= UPPER_MS[i]) {
                return i;
            }
        }
        return UPPER_MS.length;
    }

    /**
     * Returns the upper bound of the bucket holding the p-th percentile (nearest rank), in milliseconds; NaN for
     * no requests, infinity when it falls in the open-ended bucket.
     */
    public static double percentile(long[] counts, double p) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i < UPPER_MS.length ? UPPER_MS[i] : Double.POSITIVE_INFINITY;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Describes the buckets with their counts, for the dashboard's histogram and its table. */
    public static List<Bucket> describe(long[] counts) {
        List<Bucket> buckets = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            double from = i == 0 ? 0 : UPPER_MS[i - 1];
            Double to = i < UPPER_MS.length ? UPPER_MS[i] : null;
            buckets.add(new Bucket(from, to, counts[i]));
        }
        return buckets;
    }

    /**
     * Holds one bucket of the histogram.
     *
     * @param fromMs the lower bound (exclusive), in milliseconds
     * @param toMs   the upper bound (inclusive), null for the open-ended last bucket
     * @param count  requests in the bucket
     */
    public record Bucket(double fromMs, Double toMs, long count) {}
}
