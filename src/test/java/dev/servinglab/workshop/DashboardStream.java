package dev.servinglab.workshop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Follows an instructor's dashboard stream as the dashboard page does ({@code text/event-stream} with the secret as
 * a Bearer token), and hands its dashboards to a test as they come.
 */
public final class DashboardStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final InputStream body;
    private final BlockingQueue<JsonNode> dashboards = new LinkedBlockingQueue<>();

    private DashboardStream(HttpClient client, InputStream body) {
        this.client = client;
        this.body = body;
        Thread.ofVirtual().start(this::read);
    }

    /** Opens a workshop's dashboard stream on an app, such as {@code http://localhost:8080/}. */
    public static DashboardStream open(URI base, String code, String secret) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/workshops/" + code + "/dashboard/events"))
                .header("Authorization", "Bearer " + secret)
                .header("Accept", "text/event-stream")
                .build();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat("the dashboard stream opens", response.statusCode(), equalTo(200));
        return new DashboardStream(client, response.body());
    }

    /** Returns the next dashboard, failing when none comes within the given time. */
    public JsonNode next(Duration within) throws InterruptedException {
        JsonNode dashboard = dashboards.poll(within.toNanos(), TimeUnit.NANOSECONDS);
        assertThat("a dashboard within " + within, dashboard, notNullValue());
        return dashboard;
    }

    /**
     * Returns the first dashboard that shows what a test waits for, failing when none does within the given time
     * (counted from now).
     */
    public JsonNode await(Duration within, String what, Predicate<JsonNode> shows) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode dashboard = dashboards.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat("a dashboard that shows " + what + " within " + within, dashboard, notNullValue());
            if (shows.test(dashboard)) {
                return dashboard;
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    JsonNode data = JSON.readTree(line.substring("data:".length()));
                    if (data.has("seq")) { // a dashboard, not the last event of a stream that ends
                        dashboards.add(data);
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed: by the test, or by a server that stopped
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        client.close();
    }
}
