package dev.servinglab.training.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.content.LiveSource;
import dev.servinglab.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Publishes this server's training limits as the document {@code training}, so that lessons quote them as
 * configured: {@code {{live training max_epochs int}}}.
 */
@ApplicationScoped
public class TrainingLimitsSource implements LiveSource {

    /** The name lessons take the limits from. */
    public static final String DOCUMENT = "training";

    private final TrainingConfig config;

    TrainingLimitsSource(TrainingConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, JsonNode> documents() {
        ObjectNode limits = JsonNodeFactory.instance.objectNode();
        limits.put("max_epochs", config.maxEpochs());
        limits.put("max_duration_s", config.maxDuration().toSeconds());
        limits.put("max_concurrent", config.concurrency());
        limits.put("max_promoted", config.maxPromoted());
        limits.put("max_stored_models", config.maxStoredModels());
        limits.put("max_stored_runs", config.maxStoredRuns());
        limits.put("max_followers", config.maxFollowers());
        limits.put("disconnect_grace_s", config.disconnectGrace().toSeconds());
        limits.put("page_pace_ms", config.pagePaceMs());
        limits.put("max_pace_ms", config.maxPaceMs());
        return Map.of(DOCUMENT, limits);
    }
}
