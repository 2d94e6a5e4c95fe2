package dev.servinglab.evaluation.leakage.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.content.LiveSource;
import dev.servinglab.evaluation.leakage.service.LeakageCase;
import dev.servinglab.evaluation.leakage.service.LeakageLab;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Publishes the leakage lab's cases as {@code GET /api/v1/leakage} answers them, by name, as the document
 * {@value #SOURCE}: {@code {{live leakage target.leaky.metrics.accuracy percent}}}.
 */
@ApplicationScoped
public class LeakageSource implements LiveSource {

    /** The live-value source name of the leakage lab. */
    public static final String SOURCE = "leakage";

    /** The names the lessons give the lab's cases, in the lab's order. */
    private static final List<String> NAMES = List.of("target", "duplicates");

    private final LeakageLab lab;
    private final ObjectMapper json;

    LeakageSource(LeakageLab lab, ObjectMapper json) {
        this.lab = lab;
        this.json = json;
    }

    @Override
    public Map<String, JsonNode> documents() {
        List<LeakageCase> cases = lab.cases();
        if (cases.size() != NAMES.size()) {
            throw new IllegalStateException("the leakage lab has " + cases.size() + " cases; name each in " + NAMES);
        }
        ObjectNode document = json.createObjectNode();
        for (int i = 0; i < cases.size(); i++) {
            document.set(NAMES.get(i), json.valueToTree(cases.get(i)));
        }
        return Map.of(SOURCE, document);
    }
}
