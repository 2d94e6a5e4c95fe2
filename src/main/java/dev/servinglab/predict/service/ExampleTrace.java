package dev.servinglab.predict.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.LiveSource;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Traces the example flower through the default model, as {@code POST /api/v1/predict/trace} would, and publishes
 * the trace for live values as {@value #SOURCE}.
 */
@ApplicationScoped
public class ExampleTrace implements LiveSource {

    /** The live-value source name of the example flower's trace. */
    public static final String SOURCE = "example";
    /** The live-value source name of the example flower's trace with the scale stage skipped. */
    public static final String SOURCE_UNSCALED = "example_unscaled";

    private final ModelRegistry models;
    private final PredictionPipeline pipeline;
    private final ObjectMapper json;

    ExampleTrace(ModelRegistry models, PredictionPipeline pipeline, ObjectMapper json) {
        this.models = models;
        this.pipeline = pipeline;
        this.json = json;
    }

    /** Traces the example flower through the default model. */
    public TraceResponse trace() {
        return trace(false);
    }

    private TraceResponse trace(boolean skipScaling) {
        return pipeline.trace(
                IrisExamples.example().json().getBytes(StandardCharsets.UTF_8), models.defaultModel(), skipScaling);
    }

    @Override
    public Map<String, JsonNode> documents() {
        return Map.of(SOURCE, json.valueToTree(trace()), SOURCE_UNSCALED, json.valueToTree(trace(true)));
    }
}
