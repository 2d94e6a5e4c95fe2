package dev.servinglab.lesson.service;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.servinglab.model.rest.ModelCard;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.PredictResponse;
import dev.servinglab.predict.service.PredictionPipeline;
import dev.servinglab.predict.service.RecordingTrace;
import dev.servinglab.predict.service.TraceResponse;

/**
 * Gathers the documents lessons take their numbers from, exactly as the API serves them: every model's card
 * and the trace of the example flower through the default model.
 */
@ApplicationScoped
public class LiveValues {

    /** The flower the lessons follow through the pipeline. */
    public static final String EXAMPLE_FLOWER =
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
    /** The source name of the example flower's trace. */
    public static final String EXAMPLE = "example";

    private final ModelRegistry models;
    private final PredictionPipeline pipeline;
    private final ObjectMapper json;

    LiveValues(ModelRegistry models, PredictionPipeline pipeline, ObjectMapper json) {
        this.models = models;
        this.pipeline = pipeline;
        this.json = json;
    }

    /**
     * Returns the documents by source name: model names, and {@value #EXAMPLE}.
     */
    public Map<String, JsonNode> sources() {
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        ServedModel defaultModel = models.defaultModel();
        for (ServedModel model : models.all()) {
            sources.put(model.name(), json.valueToTree(ModelCard.of(model, model == defaultModel)));
        }
        sources.put(EXAMPLE, json.valueToTree(exampleTrace()));
        return sources;
    }

    /**
     * Traces the example flower through the default model.
     */
    public TraceResponse exampleTrace() {
        RecordingTrace trace = new RecordingTrace(json);
        PredictResponse prediction = pipeline.run(EXAMPLE_FLOWER.getBytes(StandardCharsets.UTF_8),
                models.defaultModel(), false, trace);
        return trace.response(prediction, false);
    }
}
