package dev.servinglab.model.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import dev.servinglab.model.service.ModelRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelResourceTest {

    @Inject
    ModelRegistry registry;

    @Test
    void listsTheServedModelsDefaultFirst() {
        given().when()
                .get("/api/v1/models")
                .then()
                .statusCode(200)
                // Promoted training runs, if a test has promoted any, come after the built-in models.
                .body("name[0]", equalTo("mlp"))
                .body("name[1]", equalTo("logreg"))
                .body("is_default[0]", equalTo(true))
                .body("is_default.findAll { it }.size()", equalTo(1))
                .body("card[0]", equalTo("/api/v1/models/mlp"))
                .body("card[1]", equalTo("/api/v1/models/logreg"))
                .body("test_accuracy[0]", greaterThan(0.8f))
                .body("test_accuracy[1]", greaterThan(0.8f));
    }

    @Test
    void theModelCardShowsFeaturesTrainingAndTestMetrics() {
        int epochs = registry.defaultModel().history().size();
        given().when()
                .get("/api/v1/models/mlp")
                .then()
                .statusCode(200)
                .body("name", equalTo("mlp"))
                .body("is_default", equalTo(true))
                .body("features.name", contains("sepal_length", "sepal_width", "petal_length", "petal_width"))
                .body("features.unit", everyItem(equalTo("cm")))
                .body("features[2].training_min", lessThan(2f))
                .body("features[2].training_max", greaterThan(6f))
                .body("features[0].scaler_mean", equalTo((float)
                        registry.defaultModel().scaler().mean()[0]))
                .body("classes", contains("setosa", "versicolor", "virginica"))
                .body("hyperparameters.layers", hasSize(3))
                .body("hyperparameters.seed", equalTo(42))
                .body("history", hasSize(epochs))
                .body("history[0].epoch", equalTo(1))
                .body("history[0]", hasKey("validation_loss"))
                .body("test.size", equalTo(30))
                .body("test.confusion_matrix", hasSize(3))
                .body("test.confusion_matrix.flatten().sum()", equalTo(30))
                .body("test.per_class.class_name", contains("setosa", "versicolor", "virginica"))
                .body("test.macro_average.f1", greaterThan(0.8f))
                .body("dataset.name", equalTo("iris"))
                .body("dataset.source", containsString("Fisher"))
                .body("dataset.license", containsString("CC BY 4.0"))
                .body("dataset.split.train", equalTo(90));
    }

    @Test
    void anUnknownModelGets404() {
        given().when()
                .get("/api/v1/models/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Unknown model"));
    }
}
