package dev.servinglab.web.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the body of every error answer once: an operation declares only its error codes and what each
 * means, {@code @APIResponse(responseCode = "404", description = "No such quiz")}, and this filter gives every
 * 4xx and 5xx answer without content of its own the problem-details body {@link ProblemMapper} sends. An
 * answer that documents another body (the Open Inference Protocol's error object) keeps it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /** The name of the problem-details schema, as {@link ProblemDetail} publishes it. */
    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        operation.getResponses().getAPIResponses().forEach(this::addProblemBody);
                    }
                }));
    }

    private void addProblemBody(String code, APIResponse response) {
        if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
            Content content = OASFactory.createContent()
                    .addMediaType(
                            ProblemDetail.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(SCHEMA)));
            response.setContent(content);
        }
    }
}
