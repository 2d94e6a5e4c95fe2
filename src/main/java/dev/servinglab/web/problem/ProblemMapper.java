package dev.servinglab.web.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.arc.All;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into a clear answer: RFC 9457 problem details, or the
 * format an {@link ErrorFormat} sets for its paths (the Open Inference Protocol's {@code {"error": "…"}} under
 * {@code /v2}). Nothing leaks a stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final List<ErrorFormat> formats;

    ProblemMapper(@All List<ErrorFormat> formats) {
        this.formats = formats;
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        String detail = e.violations().size() == 1
                ? e.violations().getFirst().field() + " "
                        + e.violations().getFirst().message()
                : e.violations().size() + " fields break the API's rules: " + e.getMessage();
        return answer(uri, 422, "invalid-input", "Invalid input", detail, e.violations());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return invalidInput(new InvalidInputException(RequestViolations.of(e)), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return invalidInput(new InvalidInputException(List.of(RequestViolations.unknownField(e))), uri);
    }

    @ServerExceptionMapper
    public Response malformed(MalformedRequestException e, UriInfo uri) {
        return answer(uri, 400, "malformed-request", "Malformed request", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return answer(uri, 404, e.type(), e.title(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return answer(uri, 409, "conflict", "Conflict", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, UriInfo uri) {
        String title = e.status() == 401 ? "Unauthorized" : "Forbidden";
        return answer(uri, e.status(), slug(title), title, e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e, UriInfo uri) {
        return retryAfter(
                answer(uri, 429, "too-many-requests", "Too Many Requests", e.getMessage(), List.of()),
                e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response serverStopping(ServerStoppingException e, UriInfo uri) {
        return retryAfter(
                answer(uri, 503, "service-unavailable", "Service Unavailable", e.getMessage(), List.of()),
                e.retryAfterSeconds());
    }

    private static Response retryAfter(Response problem, long seconds) {
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return answer(uri, 400, "malformed-request", "Malformed request", describe(e), List.of());
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is served at " + uri.getRequestUri().getPath() + ".";
            case 405 -> "This path does not accept that method.";
            case 406 -> "This operation cannot answer in any media type the Accept header lists.";
            case 413 -> "The body is larger than this server accepts.";
            case 415 -> "Send the body as application/json (set the Content-Type header).";
            default -> e.getMessage();
        };
        Response problem = answer(uri, status, slug(title), title, detail, List.of());
        // A 503 while the server stops says when to come back; the problem details keep that.
        String retryAfter = e.getResponse().getHeaderString(HttpHeaders.RETRY_AFTER);
        return retryAfter == null
                ? problem
                : Response.fromResponse(problem)
                        .header(HttpHeaders.RETRY_AFTER, retryAfter)
                        .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected error serving " + uri.getRequestUri().getPath(), e);
        return answer(
                uri,
                500,
                "internal-error",
                "Internal error",
                "Something went wrong on our side; the request was not served. Please report it.",
                List.of());
    }

    private Response answer(
            UriInfo uri, int status, String type, String title, String detail, List<FieldViolation> errors) {
        String path = uri.getRequestUri().getPath();
        for (ErrorFormat format : formats) {
            if (format.covers(path)) {
                return format.answer(status, detail);
            }
        }
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail("/problems/" + type, title, status, detail, path, errors))
                .build();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch
                && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
            return "The body must hold one JSON value; more follows it" + where(e) + ".";
        }
        if (e instanceof MismatchedInputException mismatch) {
            // Jackson's own message names Java types; say what JSON was expected instead.
            String path = mismatch.getPath().isEmpty() ? "$" : JsonErrors.path(mismatch);
            return "The body is not the JSON this operation expects: " + path + " must be "
                    + expected(mismatch.getTargetType()) + ".";
        }
        return "The body is not the JSON this operation expects: " + JsonErrors.describe(e) + ".";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    /** Returns the JSON names of an enum's constants: their {@code @JsonProperty} names, else their Java names. */
    private static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                names.add(property == null ? name : property.value());
            } catch (NoSuchFieldException e) {
                names.add(name);
            }
        }
        return names;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", enumNames(type));
        }
        return "an object";
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
