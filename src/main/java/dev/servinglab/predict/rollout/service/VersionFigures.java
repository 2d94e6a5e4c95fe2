package dev.servinglab.predict.rollout.service;

/**
 * Tells what a version did.
 *
 * @param requests  requests routed to it (for a shadow, the copies it answered)
 * @param errors    of those, the ones refused (4xx or 5xx)
 * @param errorRate errors over requests, {@code null} before the first request
 * @param p50Ms     median latency in milliseconds, as a bucket's upper bound
 * @param p99Ms     99th-percentile latency in milliseconds, as a bucket's upper bound
 */
public record VersionFigures(long requests, long errors, Double errorRate, Double p50Ms, Double p99Ms) {}
