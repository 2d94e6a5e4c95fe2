package dev.servinglab.predict.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.LiveSource;
import dev.servinglab.predict.PredictConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the limits a prediction request must keep, as configured, for everything that states them: the parsers that
 * enforce them, the API documentation, and the lessons, which quote them as live values from the document
 * {@value #SOURCE} ({@code {{live predict max_batch_size int}}}).
 */
@ApplicationScoped
public class PredictLimits implements LiveSource {

    /** The live-value source name of the limits. */
    public static final String SOURCE = "predict";

    private final int maxBatchSize;
    private final long maxBodyBytes;
    private final ObjectMapper json;

    PredictLimits(
            PredictConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBatchSize = config.maxBatchSize();
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    /** Returns the most instances one batch may hold ({@code serving-lab.predict.max-batch-size}). */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** Returns the largest request body the server reads, in bytes ({@code quarkus.http.limits.max-body-size}). */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Returns the largest request body in whole kibibytes, as people write it: 256 for 256K. */
    public int maxBodyKb() {
        return Math.toIntExact(maxBodyBytes / 1024);
    }

    /**
     * Publishes {@value #SOURCE}: {@code max_batch_size} (instances) and {@code max_body_kb} (the body size limit,
     * as the lessons quote it).
     */
    @Override
    public Map<String, JsonNode> documents() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_batch_size", maxBatchSize);
        limits.put("max_body_kb", maxBodyKb());
        return Map.of(SOURCE, json.valueToTree(limits));
    }
}
