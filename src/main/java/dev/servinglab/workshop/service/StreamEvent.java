package dev.servinglab.workshop.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Holds one Server-Sent Event as it goes on the wire: {@code event:<name>}, {@code data:<json>} and the blank line
 * that ends it, in UTF-8. A class's dashboard event is about 100 KB and goes out several times a second, so it is
 * written once, straight to bytes, however many streams it goes to.
 */
public final class StreamEvent {

    // As RESTEasy writes an event (a training run's stream): no space after the colon, so every stream reads alike.
    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA = "\ndata:".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

    private final String name;
    private final byte[] frame;
    private final int dataStart;

    private StreamEvent(String name, byte[] frame, int dataStart) {
        this.name = name;
        this.frame = frame;
        this.dataStart = dataStart;
    }

    /** Writes a value as the JSON data of an event, on one line (as a {@code data:} field must be). */
    static StreamEvent json(String name, ObjectMapper json, Object value) {
        ObjectWriter oneLine = json.writer().without(SerializationFeature.INDENT_OUTPUT);
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            int dataStart = start(out, name);
            oneLine.writeValue(out, value);
            out.write(END);
            return new StreamEvent(name, out.toByteArray(), dataStart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the workshop's own records are always JSON", e);
        } catch (IOException e) {
            throw new IllegalStateException("an array in memory cannot fail to be written", e);
        }
    }

    /** Makes an event of JSON data already written on one line. */
    static StreamEvent of(String name, String oneLineJson) {
        if (oneLineJson.indexOf('\n') >= 0 || oneLineJson.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event's data is one line");
        }
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            int dataStart = start(out, name);
            out.write(oneLineJson.getBytes(StandardCharsets.UTF_8));
            out.write(END);
            return new StreamEvent(name, out.toByteArray(), dataStart);
        }
    }

    private static int start(ByteArrayBuilder out, String name) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw new IllegalArgumentException("an event's name is lower-case letters: " + name);
        }
        out.write(EVENT);
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.write(DATA);
        return EVENT.length + name.length() + DATA.length;
    }

    /** Returns the event's name. */
    public String name() {
        return name;
    }

    /** Returns the event's data: JSON on one line. */
    public String data() {
        return new String(frame, dataStart, frame.length - dataStart - END.length, StandardCharsets.UTF_8);
    }

    /**
     * Returns the whole event in UTF-8, ready to be written to a stream. The array is shared by every stream the event
     * goes to: it must not be changed.
     */
    public byte[] frame() {
        return frame;
    }
}
