package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.servinglab.testsupport.PostgresProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}) as {@code ./lab start} does, on a
 * free port and a data folder of the test's, with its console log in a file of its own.
 */
final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** The app built for PostgreSQL, which .ci/run builds before the tests. */
    static final Path POSTGRES_JAR = Path.of("target", "quarkus-app-postgresql", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the app and returns once it is ready (the models trained).
     *
     * @param data        the data folder (the workshop database); the log is written there too
     * @param port        the HTTP port, the same for a restart
     * @param environment more environment variables
     */
    static PackagedApp start(Path data, int port, Map<String, String> environment) throws IOException {
        return start(data, port, environment, List.of());
    }

    /**
     * Starts the app with options for its JVM and returns once it is ready (the models trained).
     *
     * @param jvmOptions options given to {@code java} before {@code -jar}, such as {@code -Djava.io.tmpdir=…}
     */
    static PackagedApp start(Path data, int port, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        return start(JAR, data, port, environment, jvmOptions);
    }

    /**
     * Starts an app built elsewhere than target/quarkus-app, such as {@link #POSTGRES_JAR}, and returns once it is
     * ready.
     */
    static PackagedApp start(Path jar, Path data, int port, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is built first, as .ci/run does: ./mvnw package -DskipTests"
                    + " -Dquarkus.datasource.db-kind=postgresql"
                    + " -Dquarkus.package.output-directory=$PWD/target/quarkus-app-postgresql");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = data.resolve("app-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("SERVING_LAB_DATA_DIR", data.toString());
        builder.environment().putAll(environment);
        PackagedApp app = new PackagedApp(builder.start(), port, log);
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!app.process.isAlive()) {
                        // Not ignored: an app that died at startup fails the test at once, with its log.
                        throw new IllegalStateException("the app exited at startup:\n" + app.log());
                    }
                    try {
                        return given().baseUri(app.base())
                                        .get("/q/health/ready")
                                        .statusCode()
                                == 200;
                    } catch (Exception notListeningYet) { // RestAssured throws ConnectException undeclared
                        return false;
                    }
                });
        return app;
    }

    /**
     * Returns the environment that points the PostgreSQL build at the test database ({@link PostgresProfile}).
     *
     * @param empty whether this start empties the database first (Flyway's clean): for the first app of a test
     */
    static Map<String, String> postgres(boolean empty) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.url().orElseThrow(),
                "QUARKUS_DATASOURCE_USERNAME", PostgresProfile.user(),
                "QUARKUS_DATASOURCE_PASSWORD", PostgresProfile.password()));
        if (empty) {
            environment.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            environment.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        }
        return environment;
    }

    /** Deletes a test's data folder and everything in it, once its apps have stopped. */
    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Sends {@code GET target} over a plain socket and returns the whole answer, head and body, as text. A plain
     * socket because REST Assured and {@code java.net.http} refuse, or repair, a target that is not a URI.
     */
    static String rawGet(int port, String target) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Returns a free TCP port. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Returns the app's address, such as {@code http://localhost:41234}. */
    String base() {
        return "http://localhost:" + port;
    }

    /** Returns the app's port. */
    int port() {
        return port;
    }

    /** Returns the app's process. */
    Process process() {
        return process;
    }

    /** Returns what the app has logged so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the lines the app has logged so far. */
    List<String> logLines() {
        return log().lines().toList();
    }

    /** Kills the app if it still runs. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
