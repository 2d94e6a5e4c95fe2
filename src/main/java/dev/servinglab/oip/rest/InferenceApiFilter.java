package dev.servinglab.oip.rest;

import static dev.servinglab.model.data.IrisExamples.SETOSA_ROW;
import static dev.servinglab.model.data.IrisExamples.VIRGINICA_ROW;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.oip.InferenceRequest;
import dev.servinglab.oip.service.InferenceService;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;

/**
 * Shows, beside the inference request example (the setosa and the virginica of
 * {@link dev.servinglab.model.data.IrisExamples}), the running model's real answer to it, so that no number in the
 * document is made up. Runs on every request for the document, because the models may still be training when the
 * server starts answering; until they are trained, the answer is left out.
 */
@ApplicationScoped
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class InferenceApiFilter implements OASFilter {

    /** The name of the inference example, for the request and its answer. */
    static final String EXAMPLE = "two flowers";
    /** The inference request example: the setosa and the virginica as one FP32 tensor. */
    static final String REQUEST = "{\"id\":\"42\",\"inputs\":[{\"name\":\"features\",\"shape\":[2,4],"
            + "\"datatype\":\"FP32\",\"data\":[" + SETOSA_ROW + "," + VIRGINICA_ROW + "]}]}";

    private final ModelRegistry models;
    private final InferenceService inference;
    private final ObjectMapper json;

    InferenceApiFilter(ModelRegistry models, InferenceService inference, ObjectMapper json) {
        this.models = models;
        this.inference = inference;
        this.json = json;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (!models.isReady()) {
            return;
        }
        Example answer = OASFactory.createExample()
                .summary("What the running default model answers")
                .value(json.convertValue(
                        inference.infer(request(), models.defaultModel(), ModelRegistry.OIP_ALIAS), Map.class));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(ProtocolErrorFormat.PREFIX + "/") && path.endsWith("/infer")) {
                item.getPOST()
                        .getResponses()
                        .getAPIResponse("200")
                        .getContent()
                        .getMediaType("application/json")
                        .addExample(EXAMPLE, answer);
            }
        });
    }

    private InferenceRequest request() {
        try {
            return json.readValue(REQUEST, InferenceRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the inference example is not a valid request", e);
        }
    }
}
