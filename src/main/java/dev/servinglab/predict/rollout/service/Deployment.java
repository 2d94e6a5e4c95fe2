package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.service.ServedModel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Serves one endpoint's traffic: a current version and, during a rollout, a candidate beside it. The state is
 * one immutable value swapped at once, so a rollback or a promotion takes effect for the very next request, and a
 * request already routed finishes with the version it was given: none is lost.
 *
 * <p>A canary's share is chosen by the request's bytes, not at random: the same request always goes to the same
 * version (the server stays deterministic), and a stream of different requests splits in the chosen proportion.
 */
public final class Deployment {

    private final String name;
    private final RecentRequests recent;
    private final int window;
    private volatile State state;
    private volatile AlertRules alerts = AlertRules.DEFAULT;

    private record State(
            ServedModel current,
            VersionStats currentStats,
            Rollout rollout,
            VersionStats candidateStats,
            ShadowComparison comparison) {}

    Deployment(String name, ServedModel current, int window) {
        this.name = name;
        this.window = window;
        this.recent = new RecentRequests(window, current.featureCount());
        this.state = new State(current, new VersionStats(), null, null, null);
    }

    /** Returns its name. */
    public String name() {
        return name;
    }

    /** Returns the version that answers when no rollout says otherwise. */
    public ServedModel current() {
        return state.current();
    }

    /** Returns the rollout in progress, or {@code null}. */
    public Rollout rollout() {
        return state.rollout();
    }

    /** Chooses the version that answers this request and the shadow that gets a copy. */
    Route route(byte[] body) {
        State s = state;
        Rollout rollout = s.rollout();
        if (rollout == null) {
            return new Route(s.current(), s.currentStats(), null);
        }
        return switch (rollout.mode()) {
            case CANARY ->
                bucket(body) < rollout.percent()
                        ? new Route(rollout.candidate(), s.candidateStats(), null)
                        : new Route(s.current(), s.currentStats(), null);
            case SHADOW ->
                new Route(
                        s.current(),
                        s.currentStats(),
                        new Route.ShadowTarget(rollout.candidate(), s.candidateStats(), s.comparison()));
        };
    }

    /**
     * Starts a rollout, replacing any other: the candidate's figures start from zero, the current version's go on.
     *
     * @throws IllegalArgumentException if the candidate is the current version
     */
    synchronized void start(Rollout rollout) {
        State s = state;
        if (rollout.candidate().name().equals(s.current().name())) {
            throw new IllegalArgumentException(rollout.candidate().name() + " is already the current version");
        }
        ShadowComparison comparison = rollout.mode() == RolloutMode.SHADOW
                ? new ShadowComparison(s.current().dataset().classNames())
                : null;
        state = new State(s.current(), s.currentStats(), rollout, new VersionStats(), comparison);
    }

    /** Ends the rollout: every next request goes to the current version. Returns whether one was in progress. */
    synchronized boolean rollBack() {
        State s = state;
        state = new State(s.current(), s.currentStats(), null, null, null);
        return s.rollout() != null;
    }

    /**
     * Makes the candidate the current version, with the figures it gathered as candidate.
     *
     * @throws IllegalStateException if no rollout is in progress
     */
    synchronized ServedModel promote() {
        State s = state;
        if (s.rollout() == null) {
            throw new IllegalStateException("no rollout is in progress");
        }
        state = new State(s.rollout().candidate(), s.candidateStats(), null, null, null);
        return s.rollout().candidate();
    }

    /** Serves another version as the current one, with fresh figures; any rollout ends. */
    synchronized void reset(ServedModel current) {
        state = new State(current, new VersionStats(), null, null, null);
    }

    /** Returns the ring of recent requests, which the predictor fills. */
    RecentRequests recent() {
        return recent;
    }

    /** Compares the window of recent requests with the current version's training rows. */
    public DriftReport drift() {
        return DriftReport.of(state.current(), recent.all(), window);
    }

    /** Replaces the alert rules. */
    void alerts(AlertRules rules) {
        this.alerts = rules;
    }

    /** Evaluates the alert rules over their window, now. */
    public AlertReport alerts() {
        AlertRules rules = alerts;
        return AlertReport.of(rules, recent.since(System.currentTimeMillis() - rules.windowSeconds() * 1_000L));
    }

    /** Returns what every version in play has done, read at one moment. */
    public DeploymentFigures figures() {
        State s = state;
        return new DeploymentFigures(
                name,
                s.current(),
                s.currentStats().figures(),
                s.rollout(),
                s.candidateStats() == null ? null : s.candidateStats().figures(),
                s.comparison() == null ? null : s.comparison().figures());
    }

    /** Maps a request's bytes to one of 100 buckets, evenly for different requests and always the same for one. */
    static int bucket(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        // CRC bits are not uniform enough modulo 100 for similar bodies: mix them (a 64-bit finaliser) first.
        long h = crc.getValue() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) Long.remainderUnsigned(h, 100);
    }

    /** Maps a text's bytes to a bucket, for tests and tools that want to know where a request will go. */
    static int bucket(String body) {
        return bucket(body.getBytes(StandardCharsets.UTF_8));
    }
}
