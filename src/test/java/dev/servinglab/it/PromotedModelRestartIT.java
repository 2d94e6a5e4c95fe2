package dev.servinglab.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Promotes a training run in the packaged app, kills the app with SIGKILL and starts it again on the same database
 * file: the promoted model, which no memory holds any more, is loaded from the database and answers exactly as
 * before.
 */
class PromotedModelRestartIT extends AppOnADataFolder {

    @Test
    void aPromotedModelSurvivesKillNine() throws Exception {
        data = Files.createTempDirectory("serving-lab-it-data");
        int port = PackagedApp.freePort();
        app = PackagedApp.start(data, port, Map.of());

        String id = given().baseUri(app.base())
                .contentType(ContentType.JSON)
                .body("{\"epochs\":20,\"seed\":5}")
                .post("/api/v1/trainings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String base = app.base();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !given().baseUri(base)
                        .get("/api/v1/trainings/" + id)
                        .jsonPath()
                        .getString("status")
                        .equals("running"));
        JsonPath promotion = given().baseUri(base)
                .post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String model = promotion.getString("model");
        Map<String, Object> example = promotion.getMap("example");
        String before = predict(base, model, example);

        app.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        app = PackagedApp.start(data, port, Map.of());

        List<String> held =
                given().baseUri(base).get("/api/v1/models").jsonPath().getList("name");
        assertThat(held, not(hasItem(model)));
        assertThat(predict(base, model, example), equalTo(before));
        assertThat(app.log(), containsString("Loaded promoted model " + model));
        passed();
    }

    private static String predict(String base, String model, Map<String, Object> example) {
        return given().baseUri(base)
                .contentType(ContentType.JSON)
                .body(example)
                .queryParam("model", model)
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
