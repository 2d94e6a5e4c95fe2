package dev.servinglab.predict.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.PipelineTrace;
import dev.servinglab.predict.service.PredictLimits;
import dev.servinglab.predict.service.PredictionPipeline;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the predict API's OpenAPI document with what annotations cannot know: the configured limits (the
 * largest batch, the largest body) and, beside the request examples, the running model's real answers to them, so
 * that no number in the document is made up. Runs on every request for the document, because the models may still be
 * training when the server starts answering; until they are trained, the answers are left out.
 */
@ApplicationScoped
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class PredictApiFilter implements OASFilter {

    // The names of the examples, each shared by a request and the answer to it.
    static final String SETOSA = "setosa";
    static final String VIRGINICA = "virginica";
    static final String DRIFT = "drift";
    static final String BATCH = "three flowers";

    private static final String PATH = "/api/v1/predict";

    private final ModelRegistry models;
    private final PredictionPipeline pipeline;
    private final PredictLimits limits;
    private final ObjectMapper json;

    PredictApiFilter(ModelRegistry models, PredictionPipeline pipeline, PredictLimits limits, ObjectMapper json) {
        this.models = models;
        this.pipeline = pipeline;
        this.limits = limits;
        this.json = json;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        documentLimits(openAPI);
        if (models.isReady()) {
            addAnswers(openAPI);
        }
    }

    private void documentLimits(OpenAPI openAPI) {
        Schema instances = openAPI.getComponents()
                .getSchemas()
                .get("BatchPredictRequest")
                .getProperties()
                .get("instances");
        instances.setMaxItems(limits.maxBatchSize());
        instances.setDescription(
                "The flowers, 1 to " + limits.maxBatchSize() + " (serving-lab.predict.max-batch-size)");
        String tooLarge = "The body is larger than the server accepts: at most " + limits.maxBodyKb()
                + " KB (quarkus.http.limits.max-body-size)";
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(PATH)) {
                Optional.ofNullable(item.getPOST().getResponses().getAPIResponse("413"))
                        .ifPresent(response -> response.setDescription(tooLarge));
            }
        });
    }

    private void addAnswers(OpenAPI openAPI) {
        ServedModel model = models.defaultModel();
        MediaType predict = answers(openAPI.getPaths().getPathItem(PATH));
        predict.addExample(SETOSA, answer(pipeline.run(bytes(IrisExamples.SETOSA), model, false, PipelineTrace.OFF)));
        predict.addExample(
                VIRGINICA, answer(pipeline.run(bytes(IrisExamples.VIRGINICA), model, false, PipelineTrace.OFF)));
        predict.addExample(DRIFT, answer(pipeline.run(bytes(ApiExamples.DRIFT), model, false, PipelineTrace.OFF)));
        answers(openAPI.getPaths().getPathItem(PATH + "/batch"))
                .addExample(BATCH, answer(pipeline.runBatch(bytes(ApiExamples.BATCH), model, limits.maxBatchSize())));
        answers(openAPI.getPaths().getPathItem(PATH + "/trace"))
                .addExample(SETOSA, answer(pipeline.trace(bytes(IrisExamples.SETOSA), model, false)));
    }

    private static MediaType answers(PathItem path) {
        Operation post = path.getPOST();
        return post.getResponses().getAPIResponse("200").getContent().getMediaType("application/json");
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
