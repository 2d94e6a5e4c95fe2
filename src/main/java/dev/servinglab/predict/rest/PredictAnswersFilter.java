package dev.servinglab.predict.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.ExampleRequests;
import dev.servinglab.predict.OnceTrained;
import dev.servinglab.predict.service.PipelineTrace;
import dev.servinglab.predict.service.PredictLimits;
import dev.servinglab.predict.service.PredictionPipeline;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;

/**
 * Shows, beside each request example of the predict API's OpenAPI document, the running default model's real answer
 * to it, so that no number in the document is made up.
 *
 * <p>The document is built when the app starts, while the models may still be training, so this filter runs on
 * every request for it: until the models are trained the answers are left out; the first request after that computes
 * them, and every later one shows the same.
 */
@ApplicationScoped
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class PredictAnswersFilter implements OASFilter {

    // The names of the examples, each shared by a request and the answer to it.
    static final String SETOSA = "setosa";
    static final String VIRGINICA = "virginica";
    static final String DRIFT = "drift";
    static final String BATCH = "two flowers";

    private final ModelRegistry models;
    private final PredictionPipeline pipeline;
    private final PredictLimits limits;
    private final ObjectMapper json;
    // The answers by path, then by example name.
    private final OnceTrained<Map<String, Map<String, Example>>> answers;

    PredictAnswersFilter(ModelRegistry models, PredictionPipeline pipeline, PredictLimits limits, ObjectMapper json) {
        this.models = models;
        this.pipeline = pipeline;
        this.limits = limits;
        this.json = json;
        this.answers = new OnceTrained<>(models::isReady, this::answers);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        answers.get()
                .ifPresent(byPath ->
                        byPath.forEach((path, examples) -> examples.forEach((name, answer) -> openAPI.getPaths()
                                .getPathItem(path)
                                .getPOST()
                                .getResponses()
                                .getAPIResponse("200")
                                .getContent()
                                .getMediaType("application/json")
                                .addExample(name, answer))));
    }

    private Map<String, Map<String, Example>> answers() {
        ServedModel model = models.defaultModel();
        Map<String, Example> predict = new LinkedHashMap<>();
        predict.put(SETOSA, answer(pipeline.run(bytes(IrisExamples.SETOSA), model, false, PipelineTrace.OFF)));
        predict.put(VIRGINICA, answer(pipeline.run(bytes(IrisExamples.VIRGINICA), model, false, PipelineTrace.OFF)));
        predict.put(DRIFT, answer(pipeline.run(bytes(ExampleRequests.DRIFT), model, false, PipelineTrace.OFF)));
        Map<String, Map<String, Example>> byPath = new LinkedHashMap<>();
        byPath.put(PredictResource.PATH, predict);
        byPath.put(
                PredictResource.PATH + "/batch",
                Map.of(BATCH, answer(pipeline.runBatch(bytes(ExampleRequests.BATCH), model, limits.maxBatchSize()))));
        byPath.put(
                PredictResource.PATH + "/trace",
                Map.of(SETOSA, answer(pipeline.trace(bytes(IrisExamples.SETOSA), model, false))));
        return byPath;
    }

    private Example answer(Object response) {
        return OASFactory.createExample()
                .summary("What the running default model answers")
                .value(json.convertValue(response, Map.class));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
