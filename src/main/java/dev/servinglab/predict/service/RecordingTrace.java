package dev.servinglab.predict.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ServedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every stage of one prediction: what went in, what came out, the stage's parameters and its time.
 * Not thread-safe: one per request.
 */
public final class RecordingTrace implements PipelineTrace {

    private final ObjectMapper json;
    private final List<StageTrace> stages = new ArrayList<>(4);

    /**
     * Creates a trace that shows the request body as parsed JSON.
     */
    public RecordingTrace(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public long clock() {
        return System.nanoTime();
    }

    @Override
    public void parsed(long start, byte[] body, double[] features) {
        long duration = System.nanoTime() - start;
        stages.add(new StageTrace(
                "parse",
                "Read the JSON object and put its " + features.length + " numbers in the model's column order.",
                "JSON object, " + features.length + " fields",
                "1 × " + features.length,
                bodyAsJson(body),
                new double[][] {features},
                Map.of(),
                duration));
    }

    @Override
    public void scaled(long start, ServedModel model, boolean skipped, double[] features, double[] scaled) {
        long duration = System.nanoTime() - start;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("features", model.dataset().featureNames());
        parameters.put("mean", model.scaler().mean());
        parameters.put("std", model.scaler().std());
        String operation = skipped
                ? "SKIPPED on purpose: the raw measurements go to a model that was trained on standardised ones."
                : "Standardise every feature with the training split's statistics: z = (x − mean) / std.";
        stages.add(new StageTrace(
                "scale",
                operation,
                shape(features),
                shape(scaled),
                new double[][] {features},
                new double[][] {scaled},
                parameters,
                duration));
    }

    @Override
    public void predicted(long start, ServedModel model, double[] scaled, double[] probabilities) {
        long duration = System.nanoTime() - start;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", model.name());
        parameters.put("version", model.version());
        parameters.put("kind", model.kind());
        parameters.put("classes", model.dataset().classNames());
        parameters.putAll(model.hyperparameters());
        stages.add(new StageTrace(
                "predict",
                "Run the " + model.kind() + " model: one row of " + scaled.length
                        + " scaled features in, one probability per class out.",
                shape(scaled),
                shape(probabilities),
                new double[][] {scaled},
                new double[][] {probabilities},
                parameters,
                duration));
    }

    @Override
    public void responded(long start, double[] probabilities, PredictResponse response) {
        long duration = System.nanoTime() - start;
        stages.add(new StageTrace(
                "respond",
                "Pick the class with the highest probability and write the answer as JSON.",
                shape(probabilities),
                "JSON object",
                new double[][] {probabilities},
                response,
                Map.of("rule", "predicted_class = argmax(probabilities)"),
                duration));
    }

    /**
     * Returns the response of a traced prediction.
     */
    public TraceResponse response(PredictResponse prediction, boolean scalingSkipped) {
        long total = 0;
        for (StageTrace stage : stages) {
            total += stage.durationNs();
        }
        return new TraceResponse(prediction, List.copyOf(stages), total, scalingSkipped);
    }

    private JsonNode bodyAsJson(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            // The parse stage has already accepted this body, so this cannot happen; show the text anyway.
            return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String shape(double[] row) {
        return "1 × " + row.length;
    }
}
