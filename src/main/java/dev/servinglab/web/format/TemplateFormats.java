package dev.servinglab.web.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/**
 * Formats numbers and values in templates, the same way everywhere: {@code {value.dp2}}, {@code {value.percent}}.
 */
@TemplateExtension
public final class TemplateFormats {

    private TemplateFormats() {}

    /** Writes a number with two decimals. */
    static String dp2(double value) {
        return Numbers.dp2(value);
    }

    /** Writes a number with three decimals. */
    static String dp3(double value) {
        return Numbers.dp3(value);
    }

    /** Writes a share as a percentage with one decimal. */
    static String percent(double value) {
        return Numbers.percent(value);
    }

    /**
     * Writes a metric that may be undefined (a zero denominator): {@code {fmt:metric(value)}}, a namespace call
     * because Qute calls no extension method on a null value.
     */
    @TemplateExtension(namespace = "fmt")
    static String metric(Double value) {
        return Numbers.metric(value);
    }

    /** Writes a duration in nanoseconds as microseconds. */
    static String micros(long nanos) {
        return Numbers.micros(nanos);
    }

    /** Turns a feature name such as {@code petal_width} into a label: "Petal width". */
    static String label(String name) {
        String words = name.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Writes a word in lower case. */
    static String toLowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Writes a value as compact JSON, as the API would send it. */
    static String json(Object value) {
        try {
            return Arc.container().instance(ObjectMapper.class).get().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
