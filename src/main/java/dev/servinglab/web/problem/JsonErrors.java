package dev.servinglab.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

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

    /** Returns where in the body Jackson failed, as a JSON path such as {@code instances[2].petal_width}. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
