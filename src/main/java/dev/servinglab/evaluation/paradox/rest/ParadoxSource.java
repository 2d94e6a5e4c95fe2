package dev.servinglab.evaluation.paradox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.content.LiveSource;
import dev.servinglab.evaluation.paradox.service.ParadoxLab;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Publishes the accuracy-paradox lab as {@code GET /api/v1/paradox} answers it, as the document {@value #SOURCE},
 * plus the share of positive rows: {@code {{live paradox always_negative.metrics.accuracy percent}}}.
 */
@ApplicationScoped
public class ParadoxSource implements LiveSource {

    /** The live-value source name of the paradox lab. */
    public static final String SOURCE = "paradox";

    private final ParadoxLab lab;
    private final ObjectMapper json;

    ParadoxSource(ParadoxLab lab, ObjectMapper json) {
        this.lab = lab;
        this.json = json;
    }

    @Override
    public Map<String, JsonNode> documents() {
        ObjectNode document = json.valueToTree(lab.comparison());
        document.put(
                "positive_share",
                (double) lab.comparison().positives() / lab.comparison().rows());
        return Map.of(SOURCE, document);
    }
}
