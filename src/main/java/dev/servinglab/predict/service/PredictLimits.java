package dev.servinglab.predict.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.LiveSource;
import dev.servinglab.model.data.DatasetInfo;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.predict.PredictConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    /** The data set whose flowers a prediction request describes, and whose bounds its values must keep. */
    public static final String DATA_SET = "iris";

    private final int maxBatchSize;
    private final long maxBodyBytes;
    private final DatasetInfo.Bounds bounds;
    private final ObjectMapper json;

    @Inject
    PredictLimits(
            PredictConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            DatasetRepository datasets,
            ObjectMapper json) {
        this(
                config,
                maxBodySize,
                datasets.info(DATA_SET)
                        .orElseThrow(() -> new IllegalStateException("no data set named " + DATA_SET))
                        .bounds(),
                json);
    }

    PredictLimits(PredictConfig config, MemorySize maxBodySize, DatasetInfo.Bounds bounds, ObjectMapper json) {
        this.maxBatchSize = config.maxBatchSize();
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.bounds = bounds;
        this.json = json;
    }

    /** Returns the bounds every measurement of a flower must keep, in centimetres. */
    public DatasetInfo.Bounds bounds() {
        return bounds;
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
     * Publishes {@value #SOURCE}: {@code max_batch_size} (instances), {@code max_body_kb} (the body size limit,
     * as the lessons quote it) and {@code max_measurement_cm} (the largest measurement a flower may have).
     */
    @Override
    public Map<String, JsonNode> documents() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_batch_size", maxBatchSize);
        limits.put("max_body_kb", maxBodyKb());
        limits.put("max_measurement_cm", bounds.maximum());
        return Map.of(SOURCE, json.valueToTree(limits));
    }
}
