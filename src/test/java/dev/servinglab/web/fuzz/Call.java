package dev.servinglab.web.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds one HTTP request the fuzz properties send: written out byte for byte, so that it can carry what a careful
 * client library would refuse to send (a malformed percent-escape, a lone surrogate, a NUL).
 *
 * @param method  the HTTP method
 * @param target  the request target as sent: the path and query string, already encoded (or deliberately not)
 * @param page    whether the request is for an HTML page, which may answer a client error with an HTML page
 * @param headers the request headers besides Host, Connection and Content-Length
 * @param body    the body, or {@code null} for none
 * @param what    a short description of how the request was made, for the report of a failing try
 */
record Call(String method, String target, boolean page, Map<String, String> headers, byte[] body, String what) {

    Call {
        headers = new LinkedHashMap<>(headers);
    }

    /** Returns the path of the target, without its query string. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "… (" + body.length + " bytes)";
        }
        return method + " " + target + " [" + what + "] " + headers + (body == null ? "" : " " + shown);
    }
}
