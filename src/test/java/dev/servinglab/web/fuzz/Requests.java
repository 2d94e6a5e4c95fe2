package dev.servinglab.web.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.web.fuzz.Endpoints.Operation;
import dev.servinglab.web.fuzz.Endpoints.Param;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Makes the requests the fuzz properties send: bodies for every operation that takes one (valid, near-valid, random
 * and a fixed list of hostile ones), and path segments and query strings for every GET. Each request carries the
 * credentials a user of the endpoint would have (the learner's cookie, the instructor's secret), none, or
 * garbage.
 */
final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String COOKIE = "serving-lab-learner";

    /** Values for a path segment or a query parameter that no endpoint expects, written as sent (not encoded). */
    static final List<String> HOSTILE_VALUES = List.of(
            "",
            "%zz",
            "%",
            "%00",
            "%ff%fe",
            "%c0%af",
            "%ed%a0%80",
            "..%2f..%2fetc%2fpasswd",
            "a%20b",
            "%e2%80%ae%f0%9f%98%80",
            "1e400",
            "-1e400",
            "NaN",
            "Infinity",
            "-0",
            "0x10",
            "%201%20",
            "99999999999999999999999999",
            "%3Cscript%3E",
            "x".repeat(4000),
            "%5B%5D",
            "true");

    private final Fixture fixture;
    private final JsonBodies bodies;

    Requests(Fixture fixture) {
        this.fixture = fixture;
        this.bodies = new JsonBodies(fixture.endpoints, names(fixture));
    }

    /** Returns requests with valid, near-valid or random JSON bodies for every operation that takes a body. */
    Arbitrary<Call> bodies() {
        return Arbitraries.of(fixture.endpoints.withBody()).flatMap(operation -> {
            JsonNode schema = operation.body() == null ? NODES.objectNode() : operation.body();
            Arbitrary<Map.Entry<String, JsonNode>> body = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, bodies.valid(schema).map(json -> Map.entry("valid", json))),
                    net.jqwik.api.Tuple.of(4, bodies.nearValid(schema).map(json -> Map.entry("near-valid", json))),
                    net.jqwik.api.Tuple.of(1, bodies.random().map(json -> Map.entry("random", json))));
            return Combinators.combine(pathFor(operation, 0.05), query(operation), credentials(operation), body)
                    .as((path, query, headers, content) -> call(
                            operation,
                            path + query,
                            headers,
                            operation.mediaType(),
                            encode(operation, content.getValue()),
                            content.getKey()));
        });
    }

    /** Returns every hostile body for every operation that takes a body, each sent once. */
    List<Call> hostileBodies() {
        List<Call> calls = new ArrayList<>();
        for (Operation operation : fixture.endpoints.withBody()) {
            JsonNode schema = operation.body() == null ? NODES.objectNode() : operation.body();
            // The body's shape is kept where the attack is in its values, so that it reaches the code behind.
            String example = text(bodies.valid(schema).sample());
            String path = realPath(operation);
            Map<String, String> headers = goodCredentials(operation);
            String type = operation.mediaType();
            for (Hostile hostile : Hostile.values()) {
                calls.add(call(
                        operation,
                        path,
                        headers,
                        hostile.contentType(type),
                        hostile.body(example),
                        hostile.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return calls;
    }

    /** Returns a request for every listed page, as a user would make it: real path values, credentials. */
    List<Call> listedPages() {
        return Endpoints.PAGES.stream()
                .filter(operation -> operation.method().equals("GET"))
                .map(operation -> call(
                        operation,
                        realPath(operation)
                                + Endpoints.PAGE_QUERIES
                                        .getOrDefault(operation.path(), "")
                                        .replace("{secret}", encode(fixture.secretFor(operation))),
                        goodCredentials(operation),
                        null,
                        null,
                        "listed page"))
                .toList();
    }

    /** Returns GET requests with real or hostile path segments and documented, unknown or hostile query strings. */
    Arbitrary<Call> queries() {
        return Arbitraries.of(fixture.endpoints.withoutBody())
                .flatMap(operation -> Combinators.combine(
                                pathFor(operation, 0.2), query(operation), credentials(operation))
                        .as((path, query, headers) -> call(operation, path + query, headers, null, null, "query")));
    }

    private Call call(
            Operation operation, String target, Map<String, String> headers, String type, byte[] body, String what) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        // What a browser sends for a page, an image or a fragment; what an API client sends otherwise.
        all.put("Accept", operation.page() ? "text/html,image/svg+xml,*/*;q=0.8" : "application/json");
        if (type != null) {
            all.put("Content-Type", type);
        }
        return new Call(operation.method(), target, operation.page(), all, body, operation + " " + what);
    }

    private Arbitrary<String> pathFor(Operation operation, double hostile) {
        List<Arbitrary<String>> segments = new ArrayList<>();
        for (Param param : operation.params()) {
            if (param.in().equals("path")) {
                Arbitrary<String> real = Arbitraries.of(fixture.realValues(operation, param.name()))
                        .map(Requests::encode);
                segments.add(Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of((int) Math.round(100 * (1 - hostile)), real),
                        net.jqwik.api.Tuple.of((int) Math.round(100 * hostile), Arbitraries.of(HOSTILE_VALUES))));
            }
        }
        if (segments.isEmpty()) {
            return Arbitraries.just(operation.path());
        }
        return Combinators.combine(segments).as(values -> fill(operation.path(), values));
    }

    private String realPath(Operation operation) {
        List<String> values = new ArrayList<>();
        for (Param param : operation.params()) {
            if (param.in().equals("path")) {
                values.add(encode(fixture.realValues(operation, param.name()).getFirst()));
            }
        }
        return fill(operation.path(), values);
    }

    private static String fill(String template, List<String> values) {
        StringBuilder path = new StringBuilder();
        int from = 0;
        for (String value : values) {
            int start = template.indexOf('{', from);
            path.append(template, from, start).append(value);
            from = template.indexOf('}', start) + 1;
        }
        return path.append(template.substring(from)).toString();
    }

    private Arbitrary<String> query(Operation operation) {
        List<Arbitrary<String>> pairs = new ArrayList<>();
        for (Param param : operation.params()) {
            if (param.in().equals("query")) {
                pairs.add(Arbitraries.oneOf(queryValues(param.schema()), Arbitraries.of(HOSTILE_VALUES))
                        .map(value -> param.name() + "=" + value)
                        .injectNull(0.3));
            }
        }
        pairs.add(Arbitraries.of("unknown=1", "model=%00", "a=b=c", "&&", "=", "x[]=1&x[]=2")
                .injectNull(0.8));
        return Combinators.combine(pairs).as(list -> {
            List<String> present = list.stream().filter(pair -> pair != null).toList();
            return present.isEmpty() ? "" : "?" + String.join("&", present);
        });
    }

    private static Arbitrary<String> queryValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        for (String key : List.of("enum", "examples")) {
            schema.path(key).forEach(value -> values.add(encode(value.asText())));
        }
        if (schema.has("default")) {
            values.add(encode(schema.get("default").asText()));
        }
        values.addAll(List.of("0", "1", "0.5", "-1", "2", "mlp", "logreg", "projector", "spambase"));
        return Arbitraries.oneOf(
                Arbitraries.of(values),
                Arbitraries.doubles().between(-2, 2).map(String::valueOf),
                Arbitraries.strings().alpha().ofMaxLength(12));
    }

    private Arbitrary<Map<String, String>> credentials(Operation operation) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(goodCredentials(operation))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Map.of())),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                Map.of("Cookie", COOKIE + "=nonsense", "Authorization", "Bearer nonsense"),
                                Map.of("Cookie", COOKIE + "=", "Authorization", "Bearer"),
                                Map.of("Cookie", COOKIE + "=%zz%00", "Authorization", "Basic Zm9vOmJhcg=="),
                                Map.of("Authorization", "Bearer " + "x".repeat(3000)))));
    }

    private Map<String, String> goodCredentials(Operation operation) {
        return Map.of(
                "Cookie", COOKIE + "=" + fixture.target.learner(),
                "Authorization", "Bearer " + fixture.secretFor(operation));
    }

    private static Map<String, List<String>> names(Fixture fixture) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        List<String> quizzes = fixture.realValues(Endpoints.PAGES.get(1), "slug");
        names.put("quiz", quizzes);
        names.put("lesson", quizzes);
        names.put("lessons", quizzes);
        names.put(
                "question",
                fixture.realValues(new Operation("GET", "/questions/{id}", List.of(), null, null, false), "id"));
        names.put("exercise", fixture.realValues(Endpoints.PAGES.get(3), "id"));
        names.put("run_id", List.of(fixture.target.run()));
        names.put("code", List.of(fixture.target.workshop()));
        return names;
    }

    private static byte[] encode(Operation operation, JsonNode body) {
        if ("application/x-www-form-urlencoded".equals(operation.mediaType())) {
            StringBuilder form = new StringBuilder();
            body.properties()
                    .forEach(field -> form.append(form.isEmpty() ? "" : "&")
                            .append(encode(field.getKey()))
                            .append('=')
                            .append(encode(
                                    field.getValue().isTextual()
                                            ? field.getValue().asText()
                                            : field.getValue().toString())));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        return text(body).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A hostile body, built from a valid one where the attack is in the values. */
    enum Hostile {
        EMPTY(example -> ""),
        NO_CONTENT_TYPE(example -> example),
        TEXT_PLAIN(example -> example),
        XML(example -> "<flower><petal_width>1</petal_width></flower>"),
        FORM(example -> "sepal_length=5.1&title=x"),
        MULTIPART(example -> "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"),
        UTF16_DECLARED(example -> example),
        UNKNOWN_CHARSET(example -> example),
        NULL(example -> "null"),
        ARRAY(example -> "[]"),
        STRING(example -> "\"text\""),
        NUMBER(example -> "12345"),
        DEEP_ARRAYS(example -> "[".repeat(5000) + "]".repeat(5000)),
        DEEP_OBJECTS(example -> "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)),
        NUMBERS_1E400(example -> numbers(example, "1e400")),
        NUMBERS_MINUS_1E400(example -> numbers(example, "-1e400")),
        NUMBERS_LONG(example -> numbers(example, "1" + "0".repeat(1500))),
        NUMBERS_TINY(example -> numbers(example, "0." + "0".repeat(1200) + "1")),
        NUMBERS_NAN(example -> numbers(example, "NaN")),
        NUMBERS_INFINITY(example -> numbers(example, "-Infinity")),
        DUPLICATE_KEYS(example -> example.replaceFirst("^\\{\"([^\"]+)\":", "{\"$1\":\"duplicate\",\"$1\":")),
        ALL_NULL(example -> example.replaceAll(":(\"[^\"]*\"|-?[0-9.eE+-]+|true|false)", ":null")),
        LONE_SURROGATE(example -> strings(example, "\\ud800x\\udfff")),
        CONTROL_AND_BIDI(example -> strings(example, "\\u0000\\u202e\\ufeff\\uffff\\ud83d\\ude00")),
        BOM(example -> "\ufeff" + example),
        NUL_BYTE(example -> example + "\u0000"),
        INVALID_UTF8(example -> example),
        TRUNCATED(example -> example.substring(0, example.length() / 2)),
        TRAILING_GARBAGE(example -> example + " }]} trailing"),
        TWO_DOCUMENTS(example -> example + example),
        COMMENTS_AND_QUOTES(example -> "{'a': 1 /* comment */, // more\n}"),
        MANY_KEYS(example -> manyKeys()),
        LONG_STRINGS(example -> strings(example, "y".repeat(60_000)));

        private final UnaryOperator<String> body;

        Hostile(UnaryOperator<String> body) {
            this.body = body;
        }

        String contentType(String usual) {
            return switch (this) {
                case NO_CONTENT_TYPE -> null;
                case TEXT_PLAIN -> "text/plain";
                case XML -> "application/xml";
                case FORM -> "application/x-www-form-urlencoded";
                case MULTIPART -> "multipart/form-data; boundary=x";
                case UTF16_DECLARED -> "application/json; charset=utf-16";
                case UNKNOWN_CHARSET -> "application/json; charset=no-such-charset";
                default -> usual;
            };
        }

        byte[] body(String example) {
            byte[] bytes = body.apply(example).getBytes(StandardCharsets.UTF_8);
            if (this != INVALID_UTF8) {
                return bytes;
            }
            // A string holding bytes that are not UTF-8: a lone continuation byte, 0xFF, an overlong '/'.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String text = strings(example, "\u0001");
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                if (b == 1) {
                    out.writeBytes(new byte[] {(byte) 0x80, (byte) 0xff, (byte) 0xc0, (byte) 0xaf});
                } else {
                    out.write(b);
                }
            }
            return out.toByteArray();
        }

        private static final Pattern NUMBERS_IN_JSON = Pattern.compile("(?<=[:\\[,])-?[0-9][0-9.eE+-]*");
        private static final Pattern STRINGS_IN_JSON = Pattern.compile("(?<=:)\"(?:[^\"\\\\]|\\\\.)*\"");

        private static String numbers(String json, String replacement) {
            return NUMBERS_IN_JSON.matcher(json).replaceAll(Matcher.quoteReplacement(replacement));
        }

        private static String strings(String json, String replacement) {
            return STRINGS_IN_JSON.matcher(json).replaceAll(Matcher.quoteReplacement("\"" + replacement + "\""));
        }

        private static String manyKeys() {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < 10_000; i++) {
                object.put("k" + i, i);
            }
            return object.toString();
        }
    }
}
