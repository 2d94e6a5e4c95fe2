package dev.servinglab.web.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Refuses request bodies whose meaning is ambiguous, with 400 and the reason, instead of guessing: a field given
 * twice ({@code {"run_id": "a", "run_id": "b"}}: which one did the client mean? Jackson cannot even bind it to a
 * record, and answered 500) and anything after the JSON value ({@code {…}{…}}, {@code {…} garbage}), which Jackson
 * would otherwise ignore unread.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
