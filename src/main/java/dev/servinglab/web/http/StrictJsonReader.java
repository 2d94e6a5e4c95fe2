package dev.servinglab.web.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.function.BiFunction;

/**
 * Reads a request body refusing the fields its record does not have, whatever the app-wide Jackson setting: a
 * misspelt {@code choise} must not pass for an answer without choices, nor a misspelt {@code nmae} for a promotion
 * under the default name. Used with Quarkus's {@code @CustomDeserialization}; the
 * {@link com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException} it raises reaches
 * {@link dev.servinglab.web.problem.ProblemMapper}, which names the field.
 */
public final class StrictJsonReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
