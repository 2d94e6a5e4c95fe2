package dev.servinglab.workshop.service;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allows each key (a client address, a learner) a number of actions per minute, as a token bucket that refills
 * steadily; says how long to wait when the bucket is empty. Keys not seen for a minute are forgotten, so the map
 * stays as small as the set of active clients.
 */
public final class RateLimiter {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int SWEEP_ABOVE = 10_000;

    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /** Creates a limiter allowing each key this many actions per minute, all of them at once after a pause. */
    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /**
     * Takes one action for a key: empty when allowed, else the whole seconds to wait before one is.
     */
    public OptionalLong acquire(String key) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> now - bucket.refilledAt > MINUTE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double perNano = perMinute / (double) MINUTE_NANOS;
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            double waitNanos = (1 - bucket.tokens) / perNano;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
        }
    }
}
