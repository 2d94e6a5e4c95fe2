package dev.servinglab.oip.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.oip.InferenceRequest;
import dev.servinglab.oip.service.InferenceService;
import dev.servinglab.predict.ExampleRequests;
import dev.servinglab.predict.OnceTrained;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;

/**
 * Shows, beside the inference request example ({@link ExampleRequests#INFERENCE}), the running model's real answer
 * to it, so that no number in the document is made up.
 *
 * <p>The document is built when the app starts, while the models may still be training, so this filter runs on
 * every request for it: until the models are trained the answer is left out; the first request after that computes
 * it, and every later one shows the same.
 */
@ApplicationScoped
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class InferenceApiFilter implements OASFilter {

    /** The name of the inference example, for the request and its answer. */
    static final String EXAMPLE = "one flower";

    private final ModelRegistry models;
    private final InferenceService inference;
    private final ObjectMapper json;
    private final OnceTrained<Example> answer;

    InferenceApiFilter(ModelRegistry models, InferenceService inference, ObjectMapper json) {
        this.models = models;
        this.inference = inference;
        this.json = json;
        this.answer = new OnceTrained<>(models::isReady, this::answer);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        answer.get()
                .ifPresent(shown -> openAPI.getPaths().getPathItems().forEach((path, item) -> {
                    if (path.startsWith(ProtocolErrorFormat.PREFIX + "/") && path.endsWith("/infer")) {
                        item.getPOST()
                                .getResponses()
                                .getAPIResponse("200")
                                .getContent()
                                .getMediaType("application/json")
                                .addExample(EXAMPLE, shown);
                    }
                }));
    }

    private Example answer() {
        return OASFactory.createExample()
                .summary("What the running default model answers")
                .value(json.convertValue(
                        inference.infer(request(), models.defaultModel(), ModelRegistry.OIP_ALIAS), Map.class));
    }

    private InferenceRequest request() {
        try {
            return json.readValue(ExampleRequests.INFERENCE, InferenceRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the inference example is not a valid request", e);
        }
    }
}
