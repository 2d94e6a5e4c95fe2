package dev.servinglab.evaluation.threshold.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.content.LiveSource;
import dev.servinglab.evaluation.threshold.service.ThresholdChallenge;
import dev.servinglab.evaluation.threshold.service.ThresholdEffect;
import dev.servinglab.evaluation.threshold.service.ThresholdLab;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Publishes the threshold lab as the document {@value #SOURCE}: per data set (a dash written as an underscore,
 * {@code breast_cancer}), what {@code GET /api/v1/thresholds/{dataset}?threshold=0.5} answers without the curves,
 * the share of positive rows and the goal: {@code {{live threshold spambase.metrics.precision dp2}}}.
 */
@ApplicationScoped
public class ThresholdSource implements LiveSource {

    /** The live-value source name of the threshold lab. */
    public static final String SOURCE = "threshold";

    /** The threshold the values are taken at: the API's own decision rule for two classes. */
    private static final double DEFAULT_THRESHOLD = 0.5;

    private final ThresholdLab lab;
    private final ObjectMapper json;

    ThresholdSource(ThresholdLab lab, ObjectMapper json) {
        this.lab = lab;
        this.json = json;
    }

    @Override
    public Map<String, JsonNode> documents() {
        ObjectNode document = json.createObjectNode();
        for (ThresholdChallenge challenge : ThresholdLab.CHALLENGES) {
            ThresholdEffect effect = lab.effect(challenge.dataset(), DEFAULT_THRESHOLD);
            ObjectNode node = json.valueToTree(effect);
            node.remove("roc");
            node.remove("precision_recall");
            int positives = effect.counts().tp() + effect.counts().fn();
            node.put("positives", positives);
            node.put("positive_share", (double) positives / effect.testSize());
            node.set("challenge", json.valueToTree(challenge));
            document.set(challenge.dataset().replace('-', '_'), node);
        }
        return Map.of(SOURCE, document);
    }
}
