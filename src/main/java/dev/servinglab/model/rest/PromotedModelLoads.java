package dev.servinglab.model.rest;

import dev.servinglab.model.service.ModelRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a request that names a promoted model this instance does not hold wait for its load without holding its
 * thread. The predict, model card and Open Inference Protocol endpoints run on the event loop, which must never
 * wait for a database; the request is suspended until the load ends and goes on from memory then. Requests that
 * name no model, or one held, pass at once (the filter gives nothing to wait for).
 */
public class PromotedModelLoads {

    /** The query parameter that names a model: {@code POST /api/v1/predict?model=...}. */
    private static final String MODEL_QUERY = "model";

    /** Paths whose path parameter names a model, with that parameter's name. */
    private static final List<NamedIn> NAMED_IN_PATH =
            List.of(new NamedIn("/v2/models/", "model"), new NamedIn("/api/v1/models/", "name"));

    private record NamedIn(String prefix, String parameter) {}

    private final ModelRegistry models;

    PromotedModelLoads(ModelRegistry models) {
        this.models = models;
    }

    @ServerRequestFilter
    public Uni<Void> awaitLoad(HttpServerRequest request, UriInfo uri) {
        String name = request.query() == null ? null : request.getParam(MODEL_QUERY);
        if (name == null) {
            String path = request.path();
            for (NamedIn named : NAMED_IN_PATH) {
                if (path.startsWith(named.prefix())) {
                    name = uri.getPathParameters().getFirst(named.parameter());
                    break;
                }
            }
        }
        return models.loading(name)
                .map(load -> Uni.createFrom().completionStage(load).replaceWithVoid())
                .orElse(null); // null: nothing to wait for, the request goes on at once
    }
}
