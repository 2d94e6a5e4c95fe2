package dev.servinglab.predict.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.content.LiveValues;
import dev.servinglab.predict.service.PredictLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that the predict API's document states the configured limits and shows, beside each request example, what
 * the running model really answers to it.
 */
@QuarkusTest
class PredictApiFilterTest {

    @Inject
    PredictLimits limits;

    @Inject
    LiveValues live;

    @Test
    void theDocumentedLimitsAreTheConfiguredOnes() {
        JsonPath openapi = openapi();
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
    void lessonsCanQuoteTheLimits() {
        JsonNode predict = live.sources().get(PredictLimits.SOURCE);
        assertThat(predict.get("max_batch_size").intValue(), equalTo(limits.maxBatchSize()));
        assertThat(predict.get("max_body_kb").intValue(), equalTo(limits.maxBodyKb()));
    }

    @Test
    void everyAnswerShownIsWhatTheModelAnswersToTheExampleBesideIt() {
        JsonPath openapi = openapi();
        String predict = "paths.'/api/v1/predict'.post.";
        for (String example : List.of(PredictApiFilter.SETOSA, PredictApiFilter.VIRGINICA, PredictApiFilter.DRIFT)) {
            assertThat(
                    example,
                    openapi.getMap(predict + answer(example)),
                    equalTo(answer(openapi, "/api/v1/predict", example)));
        }
        String batch = "paths.'/api/v1/predict/batch'.post.";
        assertThat(
                openapi.getMap(batch + answer(PredictApiFilter.BATCH)),
                equalTo(answer(openapi, "/api/v1/predict/batch", PredictApiFilter.BATCH)));
        String trace = "paths.'/api/v1/predict/trace'.post.";
        Map<String, Object> shownTrace = openapi.getMap(trace + answer(PredictApiFilter.SETOSA));
        Map<String, Object> tracedNow = answer(openapi, "/api/v1/predict/trace", PredictApiFilter.SETOSA);
        // Stage times differ from one run to the next; everything else is the same.
        assertThat(shownTrace.get("prediction"), equalTo(tracedNow.get("prediction")));
        assertThat(shownTrace, hasKey("stages"));
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

    private static JsonPath openapi() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
