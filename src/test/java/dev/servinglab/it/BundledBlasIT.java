package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged app on the OpenBLAS bundled in its jar, kills it with SIGKILL and starts it again: the second
 * start loads the library its first start extracted, and the temporary folder holds that one copy, not one per start.
 */
class BundledBlasIT extends AppOnADataFolder {

    @Test
    void aKillNineLeavesOneCopyOfTheBundledOpenBlasWhichTheNextStartReuses() throws Exception {
        data = Files.createTempDirectory("serving-lab-it-blas");
        Path tmp = Files.createDirectory(data.resolve("tmp"));
        int port = PackagedApp.freePort();
        Map<String, String> bundled = Map.of("SERVING_LAB_BLAS", "bundled");
        List<String> options = List.of("-Djava.io.tmpdir=" + tmp);

        app = PackagedApp.start(data, port, bundled, options);
        predictsAVirginica();
        Path copy = onlyCopyIn(tmp);
        assertThat(app.log(), containsString("OpenBLAS for Smile: bundled org.bytedeco:openblas, loaded from " + copy));
        FileTime extracted = Files.getLastModifiedTime(copy.resolve("libopenblas.so.0"));
        app.process().destroyForcibly().waitFor();

        app = PackagedApp.start(data, port, bundled, options);
        predictsAVirginica();
        assertThat(onlyCopyIn(tmp), equalTo(copy));
        assertThat(app.log(), containsString("loaded from " + copy));
        assertThat(
                "reused, not written again",
                Files.getLastModifiedTime(copy.resolve("libopenblas.so.0")),
                equalTo(extracted));
        passed();
    }

    private void predictsAVirginica() {
        // The MLP calls OpenBLAS: a right answer shows the library loaded and working.
        given().baseUri(app.base())
                .contentType(ContentType.JSON)
                .body("{\"sepal_length\":6.7,\"sepal_width\":3.0,\"petal_length\":5.2,\"petal_width\":2.3}")
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .body("predicted_class", equalTo("virginica"));
    }

    /** Returns the one OpenBLAS folder in {@code tmp}, failing if there is another. */
    private static Path onlyCopyIn(Path tmp) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            List<Path> copies = entries.filter(p -> p.getFileName().toString().contains("blas"))
                    .toList();
            assertThat(
                    copies.stream().map(p -> p.getFileName().toString()).toList(),
                    contains(matchesPattern("serving-lab-blas-[0-9a-f]{16}")));
            return copies.getFirst();
        }
    }
}
