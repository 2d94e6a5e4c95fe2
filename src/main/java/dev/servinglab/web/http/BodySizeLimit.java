package dev.servinglab.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.web.problem.ErrorFormat;
import dev.servinglab.web.problem.ProblemDetail;
import io.quarkus.arc.All;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than {@code quarkus.http.limits.max-body-size} with 413 before the body is read, instead
 * of the empty 413 the HTTP layer sends on its own: as problem details, or in the format an {@link ErrorFormat}
 * sets for its paths (the Open Inference Protocol's error object under {@code /v2}), as every other error. A
 * chunked body (no Content-Length) is cut off by the REST layer while it reads, and answered by
 * {@link dev.servinglab.web.problem.ProblemMapper}.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final List<ErrorFormat> formats;
    private final ObjectMapper json;

    BodySizeLimit(@All List<ErrorFormat> formats, ObjectMapper json) {
        this.formats = formats;
        this.json = json;
    }

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> check(context, limit));
    }

    private void check(RoutingContext context, long limit) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, limit)) {
            tooLarge(
                    context,
                    "The body is " + length.trim() + " bytes; this server accepts at most " + limit
                            + " bytes per request. Split a large batch into several requests.");
            return;
        }
        context.next();
    }

    private void tooLarge(RoutingContext context, String detail) {
        String path = context.request().path();
        Object body =
                new ProblemDetail("/problems/payload-too-large", "Payload Too Large", 413, detail, path, List.of());
        String type = ProblemDetail.MEDIA_TYPE;
        for (ErrorFormat format : formats) {
            if (format.covers(path)) {
                Response answer = format.answer(413, detail);
                body = answer.getEntity();
                type = answer.getMediaType().toString();
                break;
            }
        }
        try {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, type)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer to a body too large", e);
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
