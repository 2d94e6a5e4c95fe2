package dev.servinglab.web.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than {@code quarkus.http.limits.max-body-size} with 413 and problem details (through
 * {@link HttpLayerProblems}, so {@code /v2} gets the Open Inference Protocol's error object), instead of the empty
 * 413 the HTTP layer sends on its own. A body that declares its length is refused before it is read. A chunked body
 * (no Content-Length) is read here, up to the limit, before any resource sees it: the REST layer would otherwise
 * stop it with an empty 413 where it buffers the body, and not at all where Jackson streams it and stops reading
 * after the first JSON value.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final String LIMIT = BodySizeLimit.class.getName() + ".limit";

    private final HttpLayerProblems problems;

    BodySizeLimit(HttpLayerProblems problems) {
        this.problems = problems;
    }

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        // Vert.x's body handler keeps the body for the REST layer, which then reads it from there, and fails the
        // request with 413 once the body passes the limit: HttpLayerProblems answers that failure.
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(Integer.MIN_VALUE).handler(context -> check(context, limit, chunked));
    }

    /** Returns the body size limit in bytes that applied to a request, for the answer to a body over it. */
    static long limit(RoutingContext context) {
        Long limit = context.get(LIMIT);
        return limit == null ? -1 : limit;
    }

    private void check(RoutingContext context, long limit, BodyHandler chunked) {
        context.put(LIMIT, limit);
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, limit)) {
            problems.answer(
                    context,
                    413,
                    "The body is " + length.trim() + " bytes; this server accepts at most " + limit
                            + " bytes per request. Split a large batch into several requests.",
                    true);
        } else if (length == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            chunked.handle(context);
        } else {
            context.next();
        }
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer rejects a malformed Content-Length itself
        }
    }
}
