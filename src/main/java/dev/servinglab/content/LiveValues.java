package dev.servinglab.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the documents lessons and quizzes take their numbers from, from every {@link LiveSource}.
 */
@ApplicationScoped
public class LiveValues {

    private final List<LiveSource> sources;

    LiveValues(@All List<LiveSource> sources) {
        this.sources = sources;
    }

    /**
     * Returns every source's documents by name.
     *
     * @throws IllegalStateException if two sources publish a document under the same name
     */
    public Map<String, JsonNode> sources() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (LiveSource source : sources) {
            source.documents().forEach((name, document) -> {
                if (documents.putIfAbsent(name, document) != null) {
                    throw new IllegalStateException("two live sources publish a document named " + name);
                }
            });
        }
        return documents;
    }
}
