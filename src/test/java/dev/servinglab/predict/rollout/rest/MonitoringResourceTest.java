package dev.servinglab.predict.rollout.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MonitoringResourceTest {

    private static final String DEPLOYMENTS = "/api/v1/deployments";
    private static final Dataset IRIS = new DatasetRepository().load("iris");
    private static final int PETAL_LENGTH = IRIS.featureNames().indexOf("petal_length");

    @Test
    void flowersLikeTheTrainingRowsShowNoDriftAndLongerPetalsDo() {
        String same = create();
        String shifted = create();
        given().when()
                .get(DEPLOYMENTS + "/" + same + "/drift")
                .then()
                .statusCode(200)
                .body("requests", equalTo(0))
                .body("features.level", everyItem(equalTo("too few requests")));
        for (int i = 0; i < IRIS.size(); i++) {
            predict(same, IRIS.features()[i], 0);
            predict(shifted, IRIS.features()[i], 1.0);
        }

        JsonPath calm = drift(same);
        assertThat(calm.getInt("requests"), equalTo(IRIS.size()));
        assertThat(calm.getList("features.level"), everyItem(equalTo("stable")));
        List<Float> psi = calm.getList("features.psi", Float.class);
        List<Float> noise = calm.getList("features.psi_noise", Float.class);
        for (int j = 0; j < psi.size(); j++) {
            assertThat(IRIS.featureNames().get(j), psi.get(j), lessThan(noise.get(j) + 0.1f));
        }

        JsonPath moved = drift(shifted);
        assertThat(moved.getString("features[" + PETAL_LENGTH + "].level"), equalTo("drifted"));
        assertThat(moved.getFloat("features[" + PETAL_LENGTH + "].psi"), greaterThanOrEqualTo(0.25f));
        assertThat(
                moved.getFloat("features[" + PETAL_LENGTH + "].ks"),
                greaterThan(calm.getFloat("features[" + PETAL_LENGTH + "].ks")));
        assertThat(
                moved.getFloat("features[" + PETAL_LENGTH + "].recent_mean")
                        - calm.getFloat("features[" + PETAL_LENGTH + "].recent_mean"),
                closeToOne());
        for (int j = 0; j < IRIS.featureNames().size(); j++) {
            if (j != PETAL_LENGTH) {
                assertThat(IRIS.featureNames().get(j), moved.getString("features[" + j + "].level"), equalTo("stable"));
            }
        }
        List<Float> trainingMix = moved.getList("classes.training", Float.class);
        assertThat(trainingMix.stream().mapToDouble(Float::doubleValue).sum(), closeToOneDouble());
        // Longer petals read as virginica more often than the training labels are.
        int virginica = moved.getList("classes.classes").indexOf("virginica");
        assertThat(
                moved.getList("classes.recent", Float.class).get(virginica), greaterThan(trainingMix.get(virginica)));
    }

    @Test
    void anAlertFiresWhenItsValueCrossesTheThresholdOverItsWindow() {
        String name = create();
        given().contentType(ContentType.JSON)
                .body("{\"p99_ms\":0.001,\"error_rate\":0.5,\"window_seconds\":600}")
                .when()
                .put(DEPLOYMENTS + "/" + name + "/alerts")
                .then()
                .statusCode(200)
                .body("alerts.state", everyItem(equalTo("too few requests")))
                .body("rules.p99_ms", equalTo(0.001f));
        for (int i = 0; i < 30; i++) {
            predict(name, IRIS.features()[i], 0);
        }
        alerts(name)
                .body("requests", equalTo(30))
                .body("alerts[0].name", equalTo("p99 latency"))
                .body("alerts[0].state", equalTo("firing"))
                .body("alerts[1].name", equalTo("error rate"))
                .body("alerts[1].value", equalTo(0.0f))
                .body("alerts[1].state", equalTo("ok"));
        for (int i = 0; i < 40; i++) {
            given().contentType(ContentType.JSON)
                    .body("{\"sepal_length\":" + i + "}")
                    .when()
                    .post(DEPLOYMENTS + "/" + name + "/predict")
                    .then()
                    .statusCode(422);
        }
        alerts(name)
                .body("requests", equalTo(70))
                .body("alerts[1].value", equalTo(40f / 70))
                .body("alerts[1].state", equalTo("firing"));
        given().contentType(ContentType.JSON)
                .body("{\"p99_ms\":60000,\"error_rate\":0.9,\"window_seconds\":600}")
                .when()
                .put(DEPLOYMENTS + "/" + name + "/alerts")
                .then()
                .statusCode(200)
                .body("alerts.state", everyItem(equalTo("ok")));
    }

    @Test
    void alertRulesOutOfRangeAreRefusedNamingTheField() {
        String name = create();
        given().contentType(ContentType.JSON)
                .body("{\"p99_ms\":5,\"error_rate\":2,\"window_seconds\":60}")
                .when()
                .put(DEPLOYMENTS + "/" + name + "/alerts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("error_rate"));
        given().contentType(ContentType.JSON)
                .body("{\"p99_ms\":5,\"error_rate\":0.1,\"window_seconds\":0}")
                .when()
                .put(DEPLOYMENTS + "/" + name + "/alerts")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("window_seconds"));
    }

    private static org.hamcrest.Matcher<Float> closeToOne() {
        return org.hamcrest.Matchers.both(greaterThan(0.99f)).and(lessThan(1.01f));
    }

    private static org.hamcrest.Matcher<Double> closeToOneDouble() {
        return org.hamcrest.Matchers.closeTo(1.0, 1e-6);
    }

    private static io.restassured.response.ValidatableResponse alerts(String name) {
        return given().when().get(DEPLOYMENTS + "/" + name + "/alerts").then().statusCode(200);
    }

    private static JsonPath drift(String name) {
        return given().when()
                .get(DEPLOYMENTS + "/" + name + "/drift")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String create() {
        return given().when().post(DEPLOYMENTS).then().statusCode(201).extract().path("name");
    }

    /** Asks for one iris row, with its petal length lengthened by {@code shift} cm. */
    private static void predict(String name, double[] row, double shift) {
        List<String> names = IRIS.featureNames();
        StringBuilder body = new StringBuilder("{");
        for (int j = 0; j < row.length; j++) {
            double value = j == PETAL_LENGTH ? row[j] + shift : row[j];
            body.append(j == 0 ? "" : ",")
                    .append('"')
                    .append(names.get(j))
                    .append("\":")
                    .append(String.format(Locale.ROOT, "%.2f", value));
        }
        given().contentType(ContentType.JSON)
                .body(body.append('}').toString())
                .when()
                .post(DEPLOYMENTS + "/" + name + "/predict")
                .then()
                .statusCode(200);
    }
}
