package dev.servinglab.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Publishes documents that lessons and quizzes take live values from, {@code {{live SOURCE PATH}}}: a feature
 * provides one as a CDI bean, and {@link LiveValues} gathers them all.
 */
public interface LiveSource {

    /**
     * Returns this source's documents by name, exactly as the API serves them (the model cards by model name,
     * the example trace as {@code example}). Called once per load of the content, after the models are trained.
     */
    Map<String, JsonNode> documents();
}
