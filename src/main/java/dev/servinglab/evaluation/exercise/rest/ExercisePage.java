package dev.servinglab.evaluation.exercise.rest;

import dev.servinglab.evaluation.exercise.service.ExerciseGenerator;
import dev.servinglab.evaluation.exercise.service.ExerciseView;
import dev.servinglab.evaluation.service.Metric;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Serves the confusion-matrix exercise page: one exercise per URL, so that a link reproduces it.
 */
@Path("/exercises")
@Produces(MediaType.TEXT_HTML)
public class ExercisePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exercise(ExerciseView exercise, List<Metric> metrics, String next);

        static native TemplateInstance missing(String id);
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<Void> first() {
        return RestResponse.seeOther(
                URI.create("/exercises/" + ExerciseGenerator.fixed().getFirst().id()));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> exercise(@PathParam("id") String id) {
        return ExerciseGenerator.find(id)
                .map(e ->
                        RestResponse.ok(Templates.exercise(ExerciseView.of(e), Metric.ALL, ExerciseGenerator.next(id))))
                .orElseGet(() -> RestResponse.status(RestResponse.Status.NOT_FOUND, Templates.missing(id)));
    }
}
