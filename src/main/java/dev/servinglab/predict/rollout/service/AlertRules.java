package dev.servinglab.predict.rollout.service;

/**
 * Sets a deployment's alerts the way operators set them: a threshold on p99 latency and one on the error rate, each
 * over the same trailing window of time.
 *
 * @param p99Ms         fire when the window's p99 latency is above this many milliseconds
 * @param errorRate     fire when the window's share of refused requests is above this (0 to 1)
 * @param windowSeconds how far back the window reaches
 */
public record AlertRules(double p99Ms, double errorRate, int windowSeconds) {

    /** What a new deployment starts with: a p99 that a healthy server stays far below, 5 % errors, one minute. */
    public static final AlertRules DEFAULT = new AlertRules(25, 0.05, 60);
    /** The longest window: the ring of recent requests holds a few hundred requests anyway. */
    public static final int MAX_WINDOW_SECONDS = 3_600;
    /** Requests a window needs before an alert may fire: a p99 of five requests is their slowest, not a p99. */
    public static final int MIN_REQUESTS = 20;

    public AlertRules {
        if (!(p99Ms > 0)
                || !(errorRate >= 0 && errorRate <= 1)
                || windowSeconds < 1
                || windowSeconds > MAX_WINDOW_SECONDS) {
            throw new IllegalArgumentException(
                    "p99 must be > 0 ms, the error rate 0 to 1, the window 1 to " + MAX_WINDOW_SECONDS + " s");
        }
    }
}
