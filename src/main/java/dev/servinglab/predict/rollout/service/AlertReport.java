package dev.servinglab.predict.rollout.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates a deployment's alert rules over the requests of their window, as a monitoring system does at each
 * evaluation: the value now, the threshold, and whether the alert fires.
 *
 * @param rules    the rules evaluated
 * @param requests the requests in the window
 * @param alerts   the p99 alert, then the error-rate alert
 */
public record AlertReport(AlertRules rules, int requests, List<Alert> alerts) {

    /** Says whether an alert fires. */
    public enum State {
        /** The value is above its threshold. */
        @JsonProperty("firing")
        FIRING,
        /** The value is at or below its threshold. */
        @JsonProperty("ok")
        OK,
        /** Fewer than {@link AlertRules#MIN_REQUESTS} requests in the window. */
        @JsonProperty("too few requests")
        TOO_FEW
    }

    /**
     * One alert.
     *
     * @param name      what it watches
     * @param rule      the rule in words, e.g. "p99 over the last 60 s > 25 ms"
     * @param threshold the threshold
     * @param value     the value over the window, or null without requests
     * @param state     firing, ok, or too few requests
     */
    public record Alert(String name, String rule, double threshold, Double value, State state) {}

    /** Evaluates the rules over a window of recent requests. */
    static AlertReport of(AlertRules rules, RecentRequests.Snapshot window) {
        int n = window.size();
        Double p99 = null;
        Double errorRate = null;
        if (n > 0) {
            int[] micros = Arrays.copyOf(window.micros(), n);
            Arrays.sort(micros);
            p99 = micros[Math.max(0, (int) Math.ceil(0.99 * n) - 1)] / 1_000.0;
            int refused = 0;
            for (int i = 0; i < n; i++) {
                refused += window.species()[i] == RecentRequests.REFUSED ? 1 : 0;
            }
            errorRate = (double) refused / n;
        }
        String over = " over the last " + rules.windowSeconds() + " s > ";
        return new AlertReport(
                rules,
                n,
                List.of(
                        new Alert(
                                "p99 latency",
                                "p99" + over + rules.p99Ms() + " ms",
                                rules.p99Ms(),
                                p99,
                                state(p99, rules.p99Ms(), n)),
                        new Alert(
                                "error rate",
                                "error rate" + over + rules.errorRate(),
                                rules.errorRate(),
                                errorRate,
                                state(errorRate, rules.errorRate(), n))));
    }

    private static State state(Double value, double threshold, int requests) {
        if (requests < AlertRules.MIN_REQUESTS) {
            return State.TOO_FEW;
        }
        return value > threshold ? State.FIRING : State.OK;
    }
}
