package dev.servinglab.web.fuzz;

import java.util.Locale;
import java.util.Map;

/**
 * Holds what the app answered to a {@link Call}.
 *
 * @param status  the HTTP status
 * @param headers the response headers, names in lower case
 * @param body    the body as text (empty for an event stream, which is not read)
 */
record Answer(int status, Map<String, String> headers, String body) {

    /** Returns the media type without its parameters, in lower case, or an empty string when there is none. */
    String mediaType() {
        String type = headers.getOrDefault("content-type", "");
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        String shown = body.length() > 400 ? body.substring(0, 400) + "…" : body;
        return status + " " + headers.getOrDefault("content-type", "(no content type)") + " " + shown;
    }
}
