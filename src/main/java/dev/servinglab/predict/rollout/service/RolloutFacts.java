package dev.servinglab.predict.rollout.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.LiveSource;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.predict.rollout.RolloutConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes the rollout and monitoring settings the lessons quote, as the live-value source {@value #SOURCE}: the
 * window each deployment keeps, the drift grades' bounds and bins, the default alert rules, the canary's range and
 * the model the shared deployment starts with.
 */
@ApplicationScoped
public class RolloutFacts implements LiveSource {

    /** The live-value source name. */
    public static final String SOURCE = "rollouts";

    private final RolloutConfig config;
    private final ModelRegistry models;
    private final ObjectMapper json;

    RolloutFacts(RolloutConfig config, ModelRegistry models, ObjectMapper json) {
        this.config = config;
        this.models = models;
        this.json = json;
    }

    @Override
    public Map<String, JsonNode> documents() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("window", config.window());
        facts.put("max_deployments", config.maxDeployments());
        facts.put("default_model", models.defaultModel().name());
        facts.put("min_canary_percent", Rollout.MIN_CANARY_PERCENT);
        facts.put("max_canary_percent", Rollout.MAX_CANARY_PERCENT);
        facts.put("first_canary_percent", Rollout.FIRST_CANARY_PERCENT);
        facts.put("psi_bins", DriftReport.BINS);
        facts.put("psi_stable_below", DriftLevel.STABLE.below());
        facts.put("psi_moderate_below", DriftLevel.MODERATE.below());
        facts.put("drift_min_requests", DriftLevel.MIN_REQUESTS);
        facts.put("alert_p99_ms", AlertRules.DEFAULT.p99Ms());
        facts.put("alert_error_rate", AlertRules.DEFAULT.errorRate());
        facts.put("alert_window_seconds", AlertRules.DEFAULT.windowSeconds());
        facts.put("alert_min_requests", AlertRules.MIN_REQUESTS);
        return Map.of(SOURCE, json.valueToTree(facts));
    }
}
