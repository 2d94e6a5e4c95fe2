package dev.servinglab.training.service;

import java.util.function.LongSupplier;

/**
 * Makes a training at full speed give way to predictions when they are many: after an epoch during which the
 * predict API was busy, the training pauses for {@value #YIELD_FACTOR} times as long as the epoch took, so that
 * it uses at most a quarter of a core, and allocates a quarter as much, while predictions are being served.
 *
 * <p>Running below the request threads ({@link BackgroundPriority}) keeps a training off their CPU time, but not
 * off their caches nor out of the garbage collector's way: its allocations make the collector pause every
 * thread more often. Measured in {@code bench/run.sh --trainings}. On a quiet server it changes nothing.
 */
final class PredictionBackoff {

    /** Predictions a second from which the server counts as busy. */
    static final double BUSY_RATE = 200;
    /** How many times an epoch's duration a training pauses when the server is busy. */
    static final int YIELD_FACTOR = 3;

    private final LongSupplier requests;
    private final LongSupplier clock;
    private long lastCount;
    private long lastTime;
    private long epochStart;

    /**
     * Starts watching.
     *
     * @param requests the number of predictions served so far
     */
    PredictionBackoff(LongSupplier requests) {
        this(requests, System::nanoTime);
    }

    /**
     * Starts watching, with a clock of its own.
     *
     * @param requests the number of predictions served so far
     * @param clock    the time in nanoseconds, as {@link System#nanoTime()} tells it
     */
    PredictionBackoff(LongSupplier requests, LongSupplier clock) {
        this.requests = requests;
        this.clock = clock;
        this.lastCount = requests.getAsLong();
        this.lastTime = clock.getAsLong();
        this.epochStart = lastTime;
    }

    /**
     * Returns how long to pause after the epoch that has just ended: zero unless predictions were busy during it.
     */
    long pauseNanos() {
        long now = clock.getAsLong();
        long count = requests.getAsLong();
        double seconds = Math.max(1e-6, (now - lastTime) / 1e9);
        boolean busy = (count - lastCount) / seconds >= BUSY_RATE;
        lastCount = count;
        lastTime = now;
        return busy ? (now - epochStart) * YIELD_FACTOR : 0;
    }

    /** Marks the start of the next epoch. */
    void resume() {
        epochStart = clock.getAsLong();
    }
}
