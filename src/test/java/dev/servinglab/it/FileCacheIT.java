package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged app with SIGKILL, which runs none of its clean-up, and starts it again: Vert.x's file cache
 * (the static files it copies out of the jar) is one folder under the data folder, reused by the next start,
 * instead of a new folder in the temporary folder per start, left there for ever. A clean stop removes it.
 */
class FileCacheIT extends AppOnADataFolder {

    @Test
    void aKillNineLeavesNothingInTheTemporaryFolderAndOneCacheFolderTheNextStartReuses() throws Exception {
        data = Files.createTempDirectory("serving-lab-it-file-cache");
        Path tmp = Files.createDirectory(data.resolve("tmp"));
        Path cache = data.resolve("vertx-cache");
        int port = PackagedApp.freePort();
        List<String> options = List.of("-Djava.io.tmpdir=" + tmp);

        app = PackagedApp.start(data, port, Map.of(), options);
        servesTheStylesheet();
        app.process().destroyForcibly().waitFor();
        assertThat("no Vert.x cache in the temporary folder", vertxFoldersIn(tmp), empty());
        assertThat("the cache folder outlives the kill", Files.isDirectory(cache), is(true));

        app = PackagedApp.start(data, port, Map.of(), options);
        servesTheStylesheet();
        assertThat(vertxFoldersIn(tmp), empty());
        assertThat(Files.isDirectory(cache), is(true));

        app.process().destroy(); // SIGTERM: a clean stop
        assertThat(app.process().waitFor(15, TimeUnit.SECONDS), is(true));
        assertThat("a clean stop removes the cache folder", Files.exists(cache), is(false));
        assertThat(vertxFoldersIn(tmp), empty());
        passed();
    }

    private void servesTheStylesheet() {
        given().baseUri(app.base())
                .when()
                .get("/css/app.css")
                .then()
                .statusCode(200)
                .body(containsString("{"));
    }

    /**
     * Returns what is in the temporary folder's {@code vertx-cache}, where Vert.x made a folder per start. (Quarkus
     * still creates that folder itself, empty, before the app can point the cache elsewhere: one folder of a fixed
     * name, which every Quarkus app on the machine shares.)
     */
    private static List<String> vertxFoldersIn(Path tmp) throws IOException {
        Path shared = tmp.resolve("vertx-cache");
        if (!Files.exists(shared)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(shared)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
