package dev.servinglab.predict.widget;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.PredictionPipeline;
import dev.servinglab.predict.service.TraceResponse;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Renders the result part of the trace lab for the page script to swap in: it runs exactly what
 * {@code POST /api/v1/predict/trace} runs, and answers with the stage cards as HTML instead of JSON. Bad input gets
 * the same problem details as the API, naming the field and the rule, which the script shows the learner.
 */
@Path("/widgets/trace-lab")
public class TraceLabFragments {

    /** The path of the predict API, which the snippets call. */
    static final String PREDICT = "/api/v1/predict";

    private final ModelRegistry models;
    private final PredictionPipeline pipeline;
    private final ObjectMapper json;

    TraceLabFragments(ModelRegistry models, PredictionPipeline pipeline, ObjectMapper json) {
        this.models = models;
        this.pipeline = pipeline;
        this.json = json;
    }

    /**
     * Traces one flower, as {@code POST /api/v1/predict/trace} takes it, and renders what the lab shows of it.
     *
     * @param model       the model's name; the default model when absent
     * @param skipScaling {@code true} to skip the scale stage on purpose
     */
    @POST
    @Path("/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance result(
            @QueryParam("model") String model,
            @QueryParam("skip_scaling") @DefaultValue("false") String skipScaling,
            byte[] body,
            @Context UriInfo uri) {
        ServedModel served = models.require(model);
        TraceResponse trace = pipeline.trace(body, served, PredictionPipeline.skipScaling(skipScaling));
        return TraceLabWidget.Templates.widget$result(TraceLabResult.of(trace, snippetUrl(uri, served), json));
    }

    /** Returns the predict API's address on this server, naming the model unless it is the default one. */
    private String snippetUrl(UriInfo uri, ServedModel served) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "") + PREDICT;
        return served.name().equals(models.defaultModel().name()) ? base : base + "?model=" + served.name();
    }
}
