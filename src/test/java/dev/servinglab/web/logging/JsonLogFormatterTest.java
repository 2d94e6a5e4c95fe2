package dev.servinglab.web.logging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Reads what the JSON log formatter writes as a log collector would: one JSON object per line. */
class JsonLogFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void writesTheFieldsOfARecordAsOneLineOfJson() throws Exception {
        ExtLogRecord record = record(Level.INFO, "Trained %s: test accuracy %.3f", "mlp", 0.9);
        record.setMillis(Instant.parse("2026-12-01T19:44:41.143Z").toEpochMilli());

        String line = formatter.format(record);

        assertThat(line, endsWith(System.lineSeparator()));
        assertThat(line.strip(), not(containsString("\n")));
        assertThat(
                parse(line),
                equalTo(Map.of(
                        "timestamp", "2026-12-01T19:44:41.143Z",
                        "level", "INFO",
                        "logger", "dev.servinglab.Example",
                        "message", "Trained mlp: test accuracy 0.900",
                        "thread", "model-training")));
    }

    @Test
    void keepsQuotesLineBreaksAndAnyScriptInsideTheMessageOnOneLine() throws Exception {
        String message = "a \"quoted\" \\ path\nsecond line\ttab \u0001 Zoë 学习 🌸";

        String line = formatter.format(record(Level.WARNING, "%s", message));

        assertThat(line.strip(), not(containsString("\n")));
        assertThat(parse(line), hasEntry("message", message));
    }

    @Test
    void putsTheExceptionInAFieldOfItsOwn() throws Exception {
        ExtLogRecord record = record(Level.SEVERE, "%s", "Request failed");
        record.setThrown(new IllegalStateException("broken", new ArithmeticException("cause")));

        String line = formatter.format(record);

        assertThat(line.strip(), not(containsString("\n")));
        Map<String, Object> json = parse(line);
        assertThat(json, aMapWithSize(6));
        assertThat(json, hasEntry("message", "Request failed"));
        String exception = (String) json.get("exception");
        assertThat(exception, startsWith("java.lang.IllegalStateException: broken\n\tat "));
        assertThat(exception, containsString("Caused by: java.lang.ArithmeticException: cause"));
    }

    private static ExtLogRecord record(Level level, String format, Object... parameters) {
        ExtLogRecord record =
                new ExtLogRecord(level, format, ExtLogRecord.FormatStyle.PRINTF, JsonLogFormatterTest.class.getName());
        record.setParameters(parameters);
        record.setLoggerName("dev.servinglab.Example");
        record.setThreadName("model-training");
        return record;
    }

    private static Map<String, Object> parse(String line) throws Exception {
        return JSON.readValue(line, new TypeReference<>() {});
    }
}
