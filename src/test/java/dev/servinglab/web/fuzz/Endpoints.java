package dev.servinglab.web.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lists every endpoint the fuzz properties call: the operations of the OpenAPI document the app serves (read at test
 * time, so that a new endpoint is fuzzed without a line here), and the pages and widget fragments the document leaves
 * out, listed in {@link #PAGES}. Knows, for each path parameter, values that reach the code behind it (a real quiz,
 * exercise, workshop, training run), so that a body is judged by the operation and not refused at the door.
 */
final class Endpoints {

    /** A parameter of an operation: its name, where it goes ({@code path}, {@code query}...) and its schema. */
    record Param(String name, String in, JsonNode schema) {}

    /**
     * An operation: its method and path template, its parameters, the schema of its JSON body ({@code null} when
     * it takes none), the media type its body is sent as, and whether it is a page.
     */
    record Operation(String method, String path, List<Param> params, JsonNode body, String mediaType, boolean page) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The operations that are left out on purpose: each ends the shared learner's or workshop's session. */
    private static final Set<String> LEFT_OUT = Set.of("POST /join/leave");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The pages and widget fragments, which the OpenAPI document leaves out: the one list of them. */
    static final List<Operation> PAGES = List.of(
            page("GET", "/", List.of(), null, null),
            page("GET", "/lessons/{slug}", List.of("view"), null, null),
            page("GET", "/exercises", List.of(), null, null),
            page("GET", "/exercises/{id}", List.of(), null, null),
            page("GET", "/join", List.of("code"), null, null),
            page("POST", "/join", List.of(), form("code", "nickname"), "application/x-www-form-urlencoded"),
            page("GET", "/workshops/new", List.of(), null, null),
            page("POST", "/workshops", List.of(), form("title", "lessons"), "application/x-www-form-urlencoded"),
            page("GET", "/workshops/{code}", List.of(), null, null),
            page("GET", "/workshops/{code}/present", List.of("view"), null, null),
            page("GET", "/workshops/{code}/instructor", List.of("key"), null, null),
            page("GET", "/workshops/{code}/qr.svg", List.of(), null, null),
            page("GET", "/widgets/threshold-lab/result", List.of("dataset", "threshold"), null, null),
            page("GET", "/widgets/training-lab/runs/{id}/result", List.of(), null, null),
            page(
                    "POST",
                    "/widgets/trace-lab/result",
                    List.of("model", "skip_scaling"),
                    NODES.objectNode().put("$ref", "#/components/schemas/PredictRequest"),
                    "application/json"));

    /** The query string a listed page needs to be served, where it needs one; {secret} is the instructor's. */
    static final Map<String, String> PAGE_QUERIES = Map.of(
            "/widgets/threshold-lab/result", "?dataset=spambase&threshold=0.5",
            "/workshops/{code}/instructor", "?key={secret}");

    private final JsonNode document;
    private final List<Operation> operations;

    private Endpoints(JsonNode document, List<Operation> operations) {
        this.document = document;
        this.operations = operations;
    }

    /** Reads the OpenAPI document of the app and lists its operations and pages. */
    static Endpoints of(RawHttp http) {
        Answer answer = http.send(new Call(
                "GET", "/q/openapi?format=json", false, Map.of("Accept", "application/json"), null, "document"));
        if (answer.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + answer);
        }
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    String method = entry.getKey().toUpperCase(Locale.ROOT);
                    if (Set.of("GET", "POST", "PUT").contains(method)) {
                        operations.add(operation(method, path.getKey(), path.getValue(), entry.getValue()));
                    }
                }));
        operations.addAll(PAGES);
        operations.removeIf(operation -> LEFT_OUT.contains(operation.toString()));
        return new Endpoints(document, List.copyOf(operations));
    }

    /** Returns every operation. */
    List<Operation> all() {
        return operations;
    }

    /** Returns the operations that take a body: every POST and PUT. */
    List<Operation> withBody() {
        return operations.stream().filter(o -> !o.method().equals("GET")).toList();
    }

    /** Returns the operations that take none: every GET. */
    List<Operation> withoutBody() {
        return operations.stream().filter(o -> o.method().equals("GET")).toList();
    }

    /** Returns a schema with its {@code $ref} followed to the document's components. */
    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved != null && resolved.has("$ref")) {
            String name = resolved.get("$ref").asText().replace("#/components/schemas/", "");
            resolved = document.path("components").path("schemas").get(name);
        }
        return resolved;
    }

    private static Operation operation(String method, String path, JsonNode item, JsonNode operation) {
        List<Param> params = new ArrayList<>();
        for (JsonNode source : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode param : source) {
                params.add(new Param(param.get("name").asText(), param.get("in").asText(), param.path("schema")));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode body = null;
        String mediaType = null;
        Iterator<Map.Entry<String, JsonNode>> types = content.properties().iterator();
        if (types.hasNext()) {
            Map.Entry<String, JsonNode> first = types.next();
            mediaType = first.getKey();
            body = first.getValue().path("schema");
        } else if (!method.equals("GET")) {
            mediaType = "application/json";
        }
        return new Operation(method, path, List.copyOf(params), body, mediaType, false);
    }

    private static Operation page(String method, String path, List<String> query, JsonNode body, String mediaType) {
        List<Param> params = new ArrayList<>();
        for (int start = path.indexOf('{'); start >= 0; start = path.indexOf('{', start + 1)) {
            params.add(new Param(path.substring(start + 1, path.indexOf('}', start)), "path", NODES.objectNode()));
        }
        query.forEach(
                name -> params.add(new Param(name, "query", NODES.objectNode().put("type", "string"))));
        return new Operation(method, path, List.copyOf(params), body, mediaType, true);
    }

    /** Returns the schema of a form with string fields, so that the form pages get bodies like any other. */
    private static JsonNode form(String... fields) {
        ObjectNode properties = NODES.objectNode();
        for (String field : fields) {
            properties.set(field, NODES.objectNode().put("type", "string").put("maxLength", 30));
        }
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.set("properties", properties);
        return schema;
    }
}
