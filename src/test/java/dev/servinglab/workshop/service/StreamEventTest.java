package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that an event is framed as a browser's EventSource reads it: a name, one line of data, a blank line. */
class StreamEventTest {

    private static final String NICKNAME = "Zoë\nЖук 🌸";

    @Test
    void aValueIsWrittenAsOneLineOfJsonInUtf8() throws Exception {
        // A nickname in other scripts with a line break typed into it, and a mapper that would indent: still one line.
        ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        StreamEvent event = StreamEvent.json("dashboard", indenting, Map.of("nickname", NICKNAME));

        String frame = new String(event.frame(), StandardCharsets.UTF_8);
        assertThat(frame, equalTo("event:dashboard\ndata:" + event.data() + "\n\n"));
        assertThat(event.data(), startsWith("{\"nickname\":"));
        assertThat(event.data().lines().count(), equalTo(1L));
        assertThat(new ObjectMapper().readTree(event.data()).get("nickname").asText(), equalTo(NICKNAME));
        assertThat(event.name(), equalTo("dashboard"));
    }

    @Test
    void dataAlreadyWrittenIsFramedAsItIs() {
        StreamEvent event = StreamEvent.of("deleted", "{\"title\":\"Жук\"}");

        assertThat(
                new String(event.frame(), StandardCharsets.UTF_8),
                equalTo("event:deleted\ndata:{\"title\":\"Жук\"}\n\n"));
        assertThat(event.data(), equalTo("{\"title\":\"Жук\"}"));
    }

    @Test
    void dataOnMoreThanOneLineOrANameThatCouldBreakTheFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StreamEvent.of("deleted", "{\n}"));
        assertThrows(IllegalArgumentException.class, () -> StreamEvent.of("deleted", "{\r}"));
        assertThrows(IllegalArgumentException.class, () -> StreamEvent.of("dash\nboard", "{}"));
        assertThrows(IllegalArgumentException.class, () -> StreamEvent.of("", "{}"));
    }
}
