package dev.servinglab.web.fuzz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that a body over {@code quarkus.http.limits.max-body-size} gets a 413 the client can read, whether it
 * declares its length or comes in chunks of unknown total length: problem details, or the protocol's error object
 * under {@code /v2}. The endpoints cover both ways the REST layer reads a body: whole (the predict API) and streamed
 * into Jackson (the quizzes, the inference protocol), which stops reading after the first JSON value.
 */
@QuarkusTest
class BodyLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @TestHTTPResource("/")
    URI root;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/predict", "/api/v1/quizzes/any/review", "/api/v1/workshops"})
    void aChunkedBodyOverTheLimitGetsProblemDetails(String path) throws Exception {
        HttpResponse<String> answer = send(path, chunked());

        assertEquals(413, answer.statusCode(), answer::body);
        assertThat(answer.headers().firstValue("content-type").orElse(""), startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("x-content-type-options").orElse(""), equalTo("nosniff"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("title").asText(), equalTo("Payload Too Large"));
        assertThat(problem.path("status").asInt(), equalTo(413));
        assertThat(problem.path("instance").asText(), equalTo(path));
        assertThat(problem.path("detail").asText(), containsString("at most " + maxBodySize.asLongValue() + " bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/predict", "/api/v1/quizzes/any/review", "/api/v1/workshops"})
    void aBodyOverTheLimitWithItsLengthGetsTheSameProblemDetails(String path) throws Exception {
        HttpResponse<String> answer = send(path, HttpRequest.BodyPublishers.ofString(tooLarge()));

        assertEquals(413, answer.statusCode(), answer::body);
        assertThat(answer.headers().firstValue("content-type").orElse(""), startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("title").asText(), equalTo("Payload Too Large"));
        assertThat(problem.path("detail").asText(), containsString("at most " + maxBodySize.asLongValue() + " bytes"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void underTheInferenceProtocolItIsTheProtocolsErrorObject(boolean chunked) throws Exception {
        HttpResponse<String> answer =
                send("/v2/models/iris/infer", chunked ? chunked() : HttpRequest.BodyPublishers.ofString(tooLarge()));

        assertEquals(413, answer.statusCode(), answer::body);
        assertThat(answer.headers().firstValue("content-type").orElse(""), startsWith("application/json"));
        assertThat(
                JSON.readTree(answer.body()).path("error").asText(),
                containsString("at most " + maxBodySize.asLongValue() + " bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/predict", "/v2/models/iris/infer"})
    void aChunkedBodyUnderTheLimitIsServedAsUsual(String path) throws Exception {
        String flower = "5.1, 3.5, 1.4, 0.2";
        String body = path.startsWith("/v2")
                ? "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[" + flower
                        + "]}]}"
                : "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
        // Over 8 KB, so that it comes in more than one chunk.
        HttpResponse<String> answer = send(path, inChunks(body + " ".repeat(10_000)));

        assertEquals(200, answer.statusCode(), answer::body);
        assertThat(answer.body(), containsString("setosa"));
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Returns a body over the limit, streamed in 8 KB chunks without a Content-Length. */
    private HttpRequest.BodyPublisher chunked() {
        return inChunks(tooLarge());
    }

    /** Streams a body in 8 KB chunks; a publisher of unknown length makes the client send it chunked. */
    private static HttpRequest.BodyPublisher inChunks(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<byte[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += 8192) {
            chunks.add(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + 8192)));
        }
        return HttpRequest.BodyPublishers.ofByteArrays(chunks);
    }

    /** Returns one JSON object over the limit: a reader that stops after the first value still reads it all. */
    private String tooLarge() {
        return "{\"padding\":\"" + "x".repeat((int) maxBodySize.asLongValue()) + "\"}";
    }
}
