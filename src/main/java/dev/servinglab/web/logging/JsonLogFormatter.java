package dev.servinglab.web.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Formats a log record as one line of JSON, for operators whose log collector reads JSON: {@code timestamp} (ISO
 * 8601, UTC), {@code level}, {@code logger}, {@code message}, {@code thread}, and, when the record carries one,
 * {@code exception}, the stack trace as one string (its line breaks escaped, so the record stays on one line).
 */
public final class JsonLogFormatter extends ExtFormatter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Formats a record as one JSON object followed by a line break. */
    @Override
    public String format(ExtLogRecord record) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField(
                    "timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            json.writeStringField("level", record.getLevel().getName());
            json.writeStringField("logger", record.getLoggerName());
            json.writeStringField("message", formatMessage(record));
            json.writeStringField("thread", record.getThreadName());
            if (record.getThrown() != null) {
                json.writeStringField("exception", stackTrace(record.getThrown()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail: only a bug of ours could get here.
            throw new UncheckedIOException(e);
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter(1024);
        try (PrintWriter out = new PrintWriter(trace)) {
            thrown.printStackTrace(out);
        }
        return trace.toString().stripTrailing();
    }
}
