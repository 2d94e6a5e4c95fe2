package dev.servinglab.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.web.problem.ErrorFormat;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.ProblemDetail;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.arc.All;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Answers the client errors that the HTTP layer raises before any resource runs, with a status and nothing else
 * (Vert.x's body handler failing a chunked body over the size limit with 413), as every other error is answered:
 * problem details, or the format an {@link ErrorFormat} sets for its paths. Left alone, they get an empty body,
 * which tells a client nothing. A request target that is not a URI at all, such as a {@code %} not followed by two
 * hex digits, gets a 400 naming the rule here, before any other route; Quarkus would refuse it with a bare 400 before
 * the router, a check that {@code ServingLabMain} turns off because it is the same check as this one.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Where application.properties sets the headers every answer carries (Quarkus' header filter). */
    private static final String SECURITY_HEADERS = "quarkus.http.filter.security.header.";

    private final List<ErrorFormat> formats;
    private final ObjectMapper json;
    /** The security headers, read from the filter's configuration: these answers end before the filter runs. */
    private final Map<String, String> securityHeaders = new LinkedHashMap<>();

    HttpLayerProblems(@All List<ErrorFormat> formats, ObjectMapper json, Config config) {
        this.formats = formats;
        this.json = json;
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(SECURITY_HEADERS)) {
                String header = property.substring(SECURITY_HEADERS.length()).replace("\"", "");
                securityHeaders.put(header, config.getValue(property, String.class));
            }
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkTarget);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    /** Refuses a request whose target is not a URI (RFC 3986), as Quarkus would, but with problem details. */
    private void checkTarget(RoutingContext context) {
        String target = context.request().uri();
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            String rule;
            if (e.getReason().startsWith("Malformed escape pair")) {
                rule = "a % must be followed by two hexadecimal digits (percent-encoding); write a % itself as %25";
            } else if (e.getReason().startsWith("Illegal character")) {
                rule = "characters outside RFC 3986 must be percent-encoded";
            } else {
                rule = "the target must be a path, such as /api/v1/predict, with an optional query";
            }
            String message = e.getReason() + " at index " + e.getIndex() + ": " + rule;
            answer(
                    context,
                    400,
                    "The request target is not a valid URI (RFC 3986): " + message + ".",
                    false,
                    List.of(new FieldViolation("request-target", "uri", message)));
            return;
        }
        context.next();
    }

    /**
     * Answers a request with problem details, or in the format its path has.
     *
     * @param close whether to close the connection after the answer: a body that is still arriving is not read
     */
    void answer(RoutingContext context, int status, String detail, boolean close) {
        answer(context, status, detail, close, List.of());
    }

    /**
     * Answers a request with problem details naming what broke which rule, or in the format its path has.
     *
     * @param errors what broke a rule; a format of its own (such as {@code /v2}'s) keeps only the detail
     */
    private void answer(RoutingContext context, int status, String detail, boolean close, List<FieldViolation> errors) {
        String path = context.request().path();
        // RFC 9110's name for 413; Netty still uses RFC 2616's "Request Entity Too Large".
        String title = status == 413
                ? "Payload Too Large"
                : HttpResponseStatus.valueOf(status).reasonPhrase();
        Object body = new ProblemDetail(
                "/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, status, detail, path, errors);
        String type = ProblemDetail.MEDIA_TYPE;
        for (ErrorFormat format : formats) {
            if (path != null && format.covers(path)) {
                Response answer = format.answer(status, detail);
                body = answer.getEntity();
                type = answer.getMediaType().toString();
                break;
            }
        }
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type);
            securityHeaders.forEach(context.response()::putHeader);
            if (close) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
            context.response().end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer to a client error", e);
        }
    }

    /**
     * Answers a request that the HTTP layer failed with a client error status and nothing else; lets the next
     * failure handler answer everything else (an exception, a server error, an answer already under way).
     */
    private void failed(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
            return;
        }
        String detail = status == 413
                ? "The body is larger than this server accepts"
                        + (BodySizeLimit.limit(context) < 0
                                ? ""
                                : ": at most " + BodySizeLimit.limit(context) + " bytes")
                        + " per request. Split a large batch into several requests."
                : HttpResponseStatus.valueOf(status).reasonPhrase() + ".";
        answer(context, status, detail, status == 413);
    }
}
