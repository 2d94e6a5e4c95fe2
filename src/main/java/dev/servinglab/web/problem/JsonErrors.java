package dev.servinglab.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Describes a Jackson error in one line, with where it happened when Jackson knows.
 */
public final class JsonErrors {

    private JsonErrors() {}

    /**
     * Returns the first line of Jackson's own message, followed by the line and column if known.
     */
    public static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        int cut = reason.indexOf('\n');
        String first = cut < 0 ? reason : reason.substring(0, cut);
        return e.getLocation() == null
                ? first
                : first + " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }
}
