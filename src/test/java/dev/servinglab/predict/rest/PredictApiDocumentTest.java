package dev.servinglab.predict.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.content.LiveValues;
import dev.servinglab.model.data.DatasetInfo;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.predict.service.PredictLimits;
import dev.servinglab.testsupport.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that the predict API's document states the configured limits and the data set's bounds, and shows, beside
 * each request example, what the running model really answers to it.
 */
@QuarkusTest
class PredictApiDocumentTest {

    @Inject
    PredictLimits limits;

    @Inject
    LiveValues live;

    @Inject
    DatasetRepository datasets;

    @Test
    void theDocumentedLimitsAreTheConfiguredOnes() {
        JsonPath openapi = OpenApiDocument.fetch();
        assertThat(
                openapi.getInt("components.schemas.BatchPredictRequest.properties.instances.maxItems"),
                equalTo(limits.maxBatchSize()));
        for (String path : List.of("/api/v1/predict", "/api/v1/predict/batch", "/api/v1/predict/trace")) {
            assertThat(
                    path,
                    openapi.getString("paths.'" + path + "'.post.responses.'413'.description"),
                    containsString("at most " + limits.maxBodyKb() + " KB"));
        }
    }

    @Test
    void everyMeasurementIsDocumentedWithTheBoundsTheParserEnforces() {
        DatasetInfo.Bounds bounds =
                datasets.info(PredictLimits.DATA_SET).orElseThrow().bounds();
        Map<String, Map<String, Object>> measurements =
                OpenApiDocument.fetch().getMap("components.schemas.PredictRequest.properties");
        assertThat(
                measurements.keySet(),
                containsInAnyOrder("sepal_length", "sepal_width", "petal_length", "petal_width"));
        // The iris bounds leave the minimum out: a measurement must be greater than it.
        assertThat(bounds.minimumIncluded(), equalTo(false));
        measurements.forEach((name, schema) -> {
            assertThat(name, ((Number) schema.get("exclusiveMinimum")).doubleValue(), equalTo(bounds.minimum()));
            assertThat(name, schema, not(hasKey("minimum")));
            assertThat(name, ((Number) schema.get("maximum")).doubleValue(), equalTo(bounds.maximum()));
        });
        postPredict(withPetalWidth(bounds.minimum()), 422);
        postPredict(withPetalWidth(bounds.maximum()), 200);
        postPredict(withPetalWidth(Math.nextUp(bounds.maximum())), 422);
    }

    @Test
    void lessonsCanQuoteTheLimits() {
        JsonNode predict = live.sources().get(PredictLimits.SOURCE);
        assertThat(predict.get("max_batch_size").intValue(), equalTo(limits.maxBatchSize()));
        assertThat(predict.get("max_body_kb").intValue(), equalTo(limits.maxBodyKb()));
    }

    @Test
    void everyAnswerShownIsWhatTheModelAnswersToTheExampleBesideIt() {
        JsonPath openapi = OpenApiDocument.fetch();
        String predict = "paths.'/api/v1/predict'.post.";
        for (String example :
                List.of(PredictAnswersFilter.SETOSA, PredictAnswersFilter.VIRGINICA, PredictAnswersFilter.DRIFT)) {
            assertThat(
                    example,
                    openapi.getMap(predict + answer(example)),
                    equalTo(answer(openapi, "/api/v1/predict", example)));
        }
        String batch = "paths.'/api/v1/predict/batch'.post.";
        assertThat(
                openapi.getMap(batch + answer(PredictAnswersFilter.BATCH)),
                equalTo(answer(openapi, "/api/v1/predict/batch", PredictAnswersFilter.BATCH)));
        String trace = "paths.'/api/v1/predict/trace'.post.";
        Map<String, Object> shownTrace = openapi.getMap(trace + answer(PredictAnswersFilter.SETOSA));
        Map<String, Object> tracedNow = answer(openapi, "/api/v1/predict/trace", PredictAnswersFilter.SETOSA);
        // Stage times differ from one run to the next; everything else is the same.
        assertThat(shownTrace.get("prediction"), equalTo(tracedNow.get("prediction")));
        assertThat(shownTrace, hasKey("stages"));
    }

    @Test
    void theAnswersShownAreComputedOnceAndThenReused() {
        String trace = "paths.'/api/v1/predict/trace'.post." + answer(PredictAnswersFilter.SETOSA);
        // A trace's stage times differ from one run to the next: equal times mean one run, shown twice.
        assertThat(
                OpenApiDocument.fetch().getMap(trace),
                equalTo(OpenApiDocument.fetch().getMap(trace)));
    }

    private static String answer(String example) {
        return "responses.'200'.content.'application/json'.examples.'" + example + "'.value";
    }

    private static Map<String, Object> answer(JsonPath openapi, String path, String example) {
        Map<String, Object> request = openapi.getMap(
                "paths.'" + path + "'.post.requestBody.content.'application/json'.examples.'" + example + "'.value");
        return given().contentType(ContentType.JSON)
                .body(request)
                .post(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static String withPetalWidth(double width) {
        String setosaWidth = "\"petal_width\":" + IrisExamples.SETOSA_PETAL_WIDTH;
        return IrisExamples.SETOSA.replace(setosaWidth, "\"petal_width\":" + width);
    }

    private static void postPredict(String body, int status) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/predict")
                .then()
                .statusCode(status);
    }
}
