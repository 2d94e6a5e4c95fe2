package dev.servinglab.model.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.LiveSource;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes every served model's card, by model name, for live values such as {@code {{live mlp test.accuracy}}}.
 */
@ApplicationScoped
public class ModelCardSource implements LiveSource {

    private final ModelRegistry models;
    private final ObjectMapper json;

    ModelCardSource(ModelRegistry models, ObjectMapper json) {
        this.models = models;
        this.json = json;
    }

    @Override
    public Map<String, JsonNode> documents() {
        Map<String, JsonNode> cards = new LinkedHashMap<>();
        ServedModel defaultModel = models.defaultModel();
        for (ServedModel model : models.all()) {
            cards.put(model.name(), json.valueToTree(ModelCard.of(model, model == defaultModel)));
        }
        return cards;
    }
}
