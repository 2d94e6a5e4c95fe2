package dev.servinglab.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.training.Trainings;
import dev.servinglab.training.store.StoredModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that a promoted model lives in the database, not only in the memory of the instance that promoted it: let
 * go from memory (as another instance, or this one after a restart, has never held it), it is loaded again and
 * answers exactly as before; a row changed behind the app's back is refused, not deserialised.
 */
@QuarkusTest
class StoredPromotionTest {

    @Inject
    ModelRegistry registry;

    @Test
    void aPromotedModelNotInMemoryIsLoadedFromTheDatabaseAndAnswersExactlyAsBefore() {
        Promoted promoted = promote("{\"epochs\":30,\"hidden_units\":5,\"patience\":4,\"seed\":21}");
        String prediction = predict(promoted, "/api/v1/predict", 200);
        String trace = given().contentType(ContentType.JSON)
                .body(promoted.example())
                .queryParam("model", promoted.model())
                .post("/api/v1/predict/trace")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("prediction");
        String card = given().get("/api/v1/models/" + promoted.model())
                .then()
                .statusCode(200)
                .extract()
                .asString();

        registry.forget(List.of(promoted.model()));
        assertThat(modelsInMemory(), not(hasItem(promoted.model())));

        assertThat(predict(promoted, "/api/v1/predict", 200), equalTo(prediction));
        assertThat(modelsInMemory(), hasItem(promoted.model()));
        assertThat(
                given().contentType(ContentType.JSON)
                        .body(promoted.example())
                        .queryParam("model", promoted.model())
                        .post("/api/v1/predict/trace")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("prediction"),
                equalTo(trace));

        // Every way of naming a model loads it: the model card's path, the Open Inference Protocol's.
        registry.forget(List.of(promoted.model()));
        assertThat(
                given().get("/api/v1/models/" + promoted.model())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                equalTo(card));
        registry.forget(List.of(promoted.model()));
        given().get("/v2/models/" + promoted.model()).then().statusCode(200).body("name", equalTo(promoted.model()));
    }

    @Test
    void aNameNeitherInMemoryNorInTheDatabaseIsAnsweredNotFound() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body("{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}")
                    .queryParam("model", "run-0123456789abcdef")
                    .post("/api/v1/predict")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString("'run-0123456789abcdef'"));
        }
        given().get("/api/v1/models/no-such-model").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRowChangedInTheDatabaseIsRefusedAndAnsweredNotFound() throws IOException {
        Promoted promoted = promote("{\"epochs\":3,\"seed\":22}");
        registry.forget(List.of(promoted.model()));
        // Bytes of a JDK class no network is made of: reading them must stop at the allow-list.
        byte[] foreign = serialise(new ArrayList<>(List.of("not a network")));
        QuarkusTransaction.requiringNew().run(() -> {
            StoredModel row = StoredModel.findById(promoted.model());
            row.network = foreign;
        });

        predict(promoted, "/api/v1/predict", 404);
        assertThat(modelsInMemory(), not(hasItem(promoted.model())));
    }

    private record Promoted(String model, Map<String, Object> example) {}

    private static Promoted promote(String training) {
        String id = Trainings.start(training);
        Trainings.awaitEnd(id);
        JsonPath promotion = given().post("/api/v1/trainings/" + id + "/promotion")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Promoted(promotion.getString("model"), promotion.getMap("example"));
    }

    private static String predict(Promoted promoted, String path, int status) {
        return given().contentType(ContentType.JSON)
                .body(promoted.example())
                .queryParam("model", promoted.model())
                .post(path)
                .then()
                .statusCode(status)
                .extract()
                .asString();
    }

    private static List<String> modelsInMemory() {
        return given().get("/api/v1/models").jsonPath().getList("name");
    }

    private static byte[] serialise(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }
}
