package dev.servinglab.web.fuzz;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates JSON bodies from the schemas of the OpenAPI document: valid ones (every rule the schema states kept),
 * near-valid ones (one value of a valid body missing, of the wrong type or out of range, or one field too many) and
 * random JSON. Strings that name something (a quiz, a question, a lesson, an exercise, a training run) are drawn
 * from what the app has, so that a valid body reaches the code that judges it.
 */
final class JsonBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The most array items generated where the schema allows more: the limits are tried by the mutations. */
    private static final int MAX_ITEMS = 4;

    private final Endpoints endpoints;
    private final Map<String, List<String>> names;

    /**
     * @param names real values for string fields by field name, such as {@code quiz} → the app's quiz slugs
     */
    JsonBodies(Endpoints endpoints, Map<String, List<String>> names) {
        this.endpoints = endpoints;
        this.names = names;
    }

    /** Returns valid bodies for a schema. */
    Arbitrary<JsonNode> valid(JsonNode schema) {
        return valid(null, endpoints.resolve(schema), 0);
    }

    /** Returns bodies that break one rule of a schema. */
    Arbitrary<JsonNode> nearValid(JsonNode schema) {
        return valid(schema).flatMap(body -> {
            List<JsonPointer> places = places(body, JsonPointer.empty());
            if (places.isEmpty()) {
                return Arbitraries.of(wrongTypes()).map(value -> (JsonNode) value);
            }
            return Combinators.combine(Arbitraries.of(places), Arbitraries.of(Mutation.values()))
                    .as((place, mutation) -> mutation.apply(body.deepCopy(), place));
        });
    }

    /** Returns random JSON: objects, arrays and scalars nested up to three levels deep. */
    Arbitrary<JsonNode> random() {
        return Arbitraries.recursive(JsonBodies::scalars, this::nest, 0, 3);
    }

    private Arbitrary<JsonNode> nest(Arbitrary<JsonNode> inner) {
        return Arbitraries.oneOf(
                Arbitraries.maps(keys(), inner).ofMaxSize(4).map(map -> {
                    ObjectNode object = NODES.objectNode();
                    object.setAll(map);
                    return object;
                }),
                inner.list().ofMaxSize(4).map(list -> {
                    ArrayNode array = NODES.arrayNode();
                    array.addAll(list);
                    return array;
                }));
    }

    private Arbitrary<JsonNode> valid(String field, JsonNode schema, int depth) {
        if (schema == null || schema.isEmpty() || depth > 6) {
            return scalars();
        }
        schema = endpoints.resolve(schema);
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.has(choice)) {
                List<Arbitrary<JsonNode>> options = new ArrayList<>();
                for (JsonNode option : schema.get(choice)) {
                    options.add(valid(field, withRules(option, schema), depth + 1));
                }
                return Arbitraries.oneOf(options);
            }
        }
        return switch (schema.path("type").asText("")) {
            case "object" -> object(schema, depth);
            case "array" -> array(field, schema, depth);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            case "string" -> string(field, schema);
            default -> scalars();
        };
    }

    /** Returns an option of anyOf with the rules its parent states beside it (a pattern, a range). */
    private static JsonNode withRules(JsonNode option, JsonNode parent) {
        ObjectNode merged = parent.deepCopy();
        merged.remove("anyOf");
        merged.remove("oneOf");
        merged.setAll((ObjectNode) option);
        return merged;
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<Arbitrary<Map.Entry<String, JsonNode>>> fields = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> {
            Arbitrary<Map.Entry<String, JsonNode>> value = valid(property.getKey(), property.getValue(), depth + 1)
                    .map(node -> Map.entry(property.getKey(), node));
            fields.add(required.contains(property.getKey()) ? value : value.injectNull(0.3));
        });
        JsonNode additional = schema.path("additionalProperties");
        Arbitrary<Map<String, JsonNode>> extra = additional.isObject() && !additional.isEmpty()
                ? Arbitraries.maps(
                                Arbitraries.of(names.getOrDefault("question", List.of("a"))),
                                valid(null, additional, depth + 1))
                        .ofMaxSize(3)
                : Arbitraries.just(Map.of());
        Arbitrary<List<Map.Entry<String, JsonNode>>> present = fields.isEmpty()
                ? Arbitraries.just(List.of())
                : Combinators.combine(fields).as(list -> list);
        return Combinators.combine(present, extra).as((list, more) -> {
            ObjectNode object = NODES.objectNode();
            list.forEach(entry -> {
                if (entry != null) {
                    object.set(entry.getKey(), entry.getValue());
                }
            });
            object.setAll(more);
            return object;
        });
    }

    private Arbitrary<JsonNode> array(String field, JsonNode schema, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = Math.max(min, Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), min + MAX_ITEMS));
        return valid(field, schema.path("items"), depth + 1)
                .list()
                .ofMinSize(min)
                .ofMaxSize(max)
                .map(items -> {
                    ArrayNode array = NODES.arrayNode();
                    array.addAll(items);
                    return array;
                });
    }

    private static Arbitrary<JsonNode> integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : -1000;
        if (schema.has("exclusiveMinimum")) {
            min = schema.get("exclusiveMinimum").asLong() + 1;
        }
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 2000;
        return Arbitraries.longs().between(min, Math.max(min, max)).map(NODES::numberNode);
    }

    private static Arbitrary<JsonNode> number(JsonNode schema) {
        double min = schema.has("minimum") ? schema.get("minimum").asDouble() : -1000;
        if (schema.has("exclusiveMinimum")) {
            min = schema.get("exclusiveMinimum").asDouble() + 1e-3;
        }
        double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 2000;
        Arbitrary<JsonNode> range = Arbitraries.doubles()
                .between(min, Math.max(min, max))
                .ofScale(3)
                .map(NODES::numberNode);
        List<JsonNode> examples = new ArrayList<>();
        schema.path("examples").forEach(examples::add);
        return examples.isEmpty() ? range : Arbitraries.oneOf(range, Arbitraries.of(examples));
    }

    private Arbitrary<JsonNode> string(String field, JsonNode schema) {
        List<Arbitrary<String>> options = new ArrayList<>();
        if (field != null && names.containsKey(field)) {
            options.add(Arbitraries.of(names.get(field)));
        }
        List<String> examples = new ArrayList<>();
        schema.path("examples").forEach(example -> examples.add(example.asText()));
        if (!examples.isEmpty()) {
            options.add(Arbitraries.of(examples));
        }
        if (options.isEmpty() || !schema.has("pattern")) {
            int max = Math.max(1, schema.path("maxLength").asInt(40));
            options.add(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(max));
        }
        return Arbitraries.oneOf(options).map(NODES::textNode);
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of(wrongTypes()).filter(node -> node.isValueNode()),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode));
    }

    private Arbitrary<String> keys() {
        List<String> known = new ArrayList<>(names.keySet());
        known.addAll(List.of("instances", "inputs", "answers", "choices", "value", "epochs", "title", "nickname"));
        return Arbitraries.oneOf(
                Arbitraries.of(known),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
    }

    /** Returns a value of each JSON type, for a field that should hold another. */
    static List<JsonNode> wrongTypes() {
        ObjectNode object = NODES.objectNode().put("x", 1);
        ArrayNode array = NODES.arrayNode().add(1).add("two");
        return List.of(
                NODES.textNode("not a number"),
                NODES.textNode(""),
                NODES.numberNode(1),
                NODES.numberNode(-1.5),
                NODES.booleanNode(true),
                NODES.nullNode(),
                array,
                NODES.arrayNode(),
                object);
    }

    /** Lists every place in a body (object fields, array items) as JSON pointers, the root left out. */
    private static List<JsonPointer> places(JsonNode node, JsonPointer at) {
        List<JsonPointer> places = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                JsonPointer child = at.appendProperty(field.getKey());
                places.add(child);
                places.addAll(places(field.getValue(), child));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                places.add(child);
                places.addAll(places(node.get(i), child));
            }
        }
        return places;
    }

    /** Breaks one rule of a valid body at one place. */
    enum Mutation {
        REMOVED(value -> null),
        STRING(value -> NODES.textNode(value.isTextual() ? "12" : "x")),
        NUMBER_AS_STRING(value -> NODES.textNode(value.asText())),
        NULL(value -> NODES.nullNode()),
        ARRAY(value -> NODES.arrayNode().add(value)),
        OBJECT(value -> NODES.objectNode().set("value", value)),
        BOOLEAN(value -> NODES.booleanNode(false)),
        NEGATIVE(value -> NODES.numberNode(-1)),
        ZERO(value -> NODES.numberNode(0)),
        HUGE(value -> NODES.numberNode(1e308)),
        LONG(value -> NODES.numberNode(Long.MAX_VALUE)),
        TINY(value -> NODES.numberNode(Double.MIN_VALUE)),
        FRACTION(value -> NODES.numberNode(0.5)),
        EMPTY(value -> value.isArray() ? NODES.arrayNode() : NODES.textNode("")),
        BLANK(value -> NODES.textNode(" \t ")),
        LONG_STRING(value -> NODES.textNode("x".repeat(5000))),
        UNKNOWN_FIELD(value -> value);

        private final UnaryOperator<JsonNode> change;

        Mutation(UnaryOperator<JsonNode> change) {
            this.change = change;
        }

        JsonNode apply(JsonNode body, JsonPointer place) {
            JsonNode parent = body.at(place.head());
            String last = place.last().getMatchingProperty();
            int index = place.last().getMatchingIndex();
            if (this == UNKNOWN_FIELD) {
                if (parent instanceof ObjectNode object) {
                    object.put("not_a_field", 1);
                } else if (parent instanceof ArrayNode array) {
                    array.add(NODES.objectNode().put("not_a_field", 1));
                }
                return body;
            }
            JsonNode current = body.at(place);
            JsonNode replacement = change.apply(current);
            if (parent instanceof ObjectNode object) {
                if (replacement == null) {
                    object.remove(last);
                } else {
                    object.set(last, replacement);
                }
            } else if (parent instanceof ArrayNode array && index >= 0) {
                if (replacement == null) {
                    array.remove(index);
                } else {
                    array.set(index, replacement);
                }
            }
            return body;
        }
    }
}
