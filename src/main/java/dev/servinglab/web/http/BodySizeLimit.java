package dev.servinglab.web.http;

import dev.servinglab.web.problem.ProblemDetail;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than {@code quarkus.http.limits.max-body-size} with 413 problem details before the body
 * is read, instead of the empty 413 the HTTP layer sends on its own. A chunked body (no Content-Length) is cut
 * off by the REST layer while it reads, with its own empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> check(context, limit));
    }

    private static void check(RoutingContext context, long limit) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, limit)) {
            tooLarge(context, "The body is " + length + " bytes;", limit);
            return;
        }
        context.next();
    }

    private static void tooLarge(RoutingContext context, String size, long limit) {
        String body = "{\"type\":\"/problems/payload-too-large\",\"title\":\"Payload Too Large\",\"status\":413,"
                + "\"detail\":\"" + size + " this server accepts at most " + limit
                + " bytes per request. Split a large batch into several requests.\",\"instance\":\""
                + escape(context.request().path()) + "\"}";
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer rejects a malformed Content-Length itself
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
