package dev.servinglab.training.rest;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;

/**
 * One Server-Sent Event as a client reads it off the wire, and a parser of a whole stream.
 */
record SseEvent(String name, String id, JsonPath data) {

    /** Parses a complete {@code text/event-stream} body into its events. */
    static List<SseEvent> parse(String stream) {
        List<SseEvent> events = new ArrayList<>();
        for (String block : stream.replace("\r\n", "\n").split("\n\n")) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                int colon = line.indexOf(':');
                if (line.isBlank() || colon == 0) {
                    continue;
                }
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                    default -> {}
                }
            }
            if (!data.isEmpty()) {
                events.add(new SseEvent(name, id, JsonPath.from(data.toString())));
            }
        }
        return events;
    }
}
