package dev.servinglab.predict.rollout.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the last requests a deployment was asked, in a ring of primitive arrays: when each came, how long it took,
 * whether it was refused, its measurements and the species it was given. Drift and alerts are read from it.
 *
 * <p>Writers claim a slot with one atomic increment and fill it without a lock, so the predict path never waits. A
 * reader may therefore meet a slot being written, and read one request's time beside another's measurements; for a
 * window of hundreds that is a rounding error, and a monitor may be that approximate.
 */
final class RecentRequests {

    /** The species of a refused request, which has none. */
    static final byte REFUSED = -1;

    private final int capacity;
    private final int featureCount;
    private final AtomicLong written = new AtomicLong();
    private final long[] millis;
    private final int[] micros;
    private final byte[] species;
    private final float[] values;

    RecentRequests(int capacity, int featureCount) {
        this.capacity = capacity;
        this.featureCount = featureCount;
        this.millis = new long[capacity];
        this.micros = new int[capacity];
        this.species = new byte[capacity];
        this.values = new float[capacity * featureCount];
    }

    /**
     * Records one request.
     *
     * @param features     its measurements, or {@code null} if they could not be read
     * @param speciesIndex the species it was given, or {@link #REFUSED}
     */
    void record(long latencyNanos, double[] features, int speciesIndex) {
        int slot = (int) (written.getAndIncrement() % capacity);
        millis[slot] = System.currentTimeMillis();
        micros[slot] = (int) Math.min(Integer.MAX_VALUE, latencyNanos / 1_000);
        species[slot] = (byte) speciesIndex;
        for (int j = 0; j < featureCount; j++) {
            values[slot * featureCount + j] =
                    features == null || j >= features.length ? Float.NaN : (float) features[j];
        }
    }

    /** Copies the requests in the ring that came at or after a time (epoch milliseconds), oldest first. */
    Snapshot since(long fromMillis) {
        long total = written.get();
        int n = (int) Math.min(total, capacity);
        long first = total - n;
        int kept = 0;
        long[] t = new long[n];
        int[] us = new int[n];
        byte[] s = new byte[n];
        float[] v = new float[n * featureCount];
        for (long i = first; i < total; i++) {
            int slot = (int) (i % capacity);
            if (millis[slot] < fromMillis) {
                continue;
            }
            t[kept] = millis[slot];
            us[kept] = micros[slot];
            s[kept] = species[slot];
            System.arraycopy(values, slot * featureCount, v, kept * featureCount, featureCount);
            kept++;
        }
        return new Snapshot(kept, featureCount, t, us, s, v, total);
    }

    /** Copies every request the ring holds, oldest first. */
    Snapshot all() {
        return since(Long.MIN_VALUE);
    }

    /**
     * Holds a copy of recent requests.
     *
     * @param size        how many requests it holds
     * @param everWritten how many requests the ring has seen since it was made
     */
    record Snapshot(
            int size, int featureCount, long[] millis, int[] micros, byte[] species, float[] values, long everWritten) {

        /** Returns the readable values of one feature among the answered requests. */
        double[] feature(int j) {
            double[] column = new double[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                float value = values[i * featureCount + j];
                if (species[i] != REFUSED && !Float.isNaN(value)) {
                    column[n++] = value;
                }
            }
            return java.util.Arrays.copyOf(column, n);
        }
    }
}
