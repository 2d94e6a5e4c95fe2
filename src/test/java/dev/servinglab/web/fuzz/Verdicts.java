package dev.servinglab.web.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Judges an answer by the API's promises: never a server error; a client error is problem details with a title
 * (naming the field and the rule it broke, for invalid input), the Open Inference Protocol's {@code {"error": …}}
 * under {@code /v2}, or, for a page a browser asked for, an HTML page with a title.
 */
final class Verdicts {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The system property that turns Quarkus's own check of the request target off. */
    private static final String QUARKUS_URI_CHECK_OFF = "vertx.disableURIValidation";

    private static final Pattern HTML_TITLE = Pattern.compile("<title>\\s*\\S[^<]*</title>");

    private Verdicts() {}

    /** Fails with what went wrong when the answer breaks a promise. */
    static void check(Call call, Answer answer) {
        if (answer.status() >= 500) {
            throw new AssertionError("a server error: " + answer);
        }
        if (answer.status() < 400) {
            return;
        }
        if (answer.status() == 400 && !validUri(call.target()) && !Boolean.getBoolean(QUARKUS_URI_CHECK_OFF)) {
            // Quarkus refuses a request target that is not a URI (a % not followed by two hex digits) with a bare
            // 400 before any route, or any handler of ours, sees the request, unless the JVM turns that check off
            // as the app's own main does (ServingLabMain); then the app's own check answers with problem details.
            return;
        }
        if (call.path().equals("/v2") || call.path().startsWith("/v2/")) {
            JsonNode error = json(answer, "application/json");
            if (!error.path("error").isTextual() || error.get("error").asText().isBlank()) {
                throw new AssertionError("a protocol error without {\"error\": …}: " + answer);
            }
            return;
        }
        if (call.page() && answer.mediaType().equals("text/html")) {
            if (!HTML_TITLE.matcher(answer.body()).find()) {
                throw new AssertionError("an error page without a title: " + answer);
            }
            return;
        }
        JsonNode problem = json(answer, "application/problem+json");
        if (problem.path("title").asText("").isBlank()) {
            throw new AssertionError("problem details without a title: " + answer);
        }
        if (problem.path("status").asInt() != answer.status()) {
            throw new AssertionError("problem details whose status is not the answer's: " + answer);
        }
        if (answer.status() == 422) {
            if (problem.path("errors").isEmpty()) {
                throw new AssertionError("invalid input without the fields that broke a rule: " + answer);
            }
            for (JsonNode error : problem.get("errors")) {
                if (error.path("field").asText("").isBlank()
                        || error.path("rule").asText("").isBlank()) {
                    throw new AssertionError("a violation without its field or rule: " + answer);
                }
            }
        }
    }

    private static boolean validUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static JsonNode json(Answer answer, String mediaType) {
        if (!answer.mediaType().equals(mediaType)) {
            throw new AssertionError("a " + answer.status() + " that is not " + mediaType + ": " + answer);
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("a " + mediaType + " body that is not JSON: " + answer, e);
        }
    }
}
