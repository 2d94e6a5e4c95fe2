package dev.servinglab.predict.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PredictionPipelineTest {

    private static final byte[] SETOSA =
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}"
                    .getBytes(StandardCharsets.UTF_8);

    @Inject
    PredictionPipeline pipeline;

    @Inject
    ModelRegistry registry;

    @Inject
    ObjectMapper json;

    @Test
    void traceShowsFourStagesWithTheRightShapesAndHandComputedValues() {
        ServedModel mlp = registry.defaultModel();
        RecordingTrace trace = new RecordingTrace(json);
        PredictResponse prediction = pipeline.run(SETOSA, mlp, false, trace);
        TraceResponse traced = trace.response(prediction, false);

        assertThat(
                traced.stages().stream().map(StageTrace::name).toList(),
                contains("parse", "scale", "predict", "respond"));
        assertThat(
                traced.stages().stream()
                        .map(s -> s.inputShape() + " -> " + s.outputShape())
                        .toList(),
                contains("JSON object, 4 fields -> 1 × 4", "1 × 4 -> 1 × 4", "1 × 4 -> 1 × 3", "1 × 3 -> JSON object"));

        double[] x = {5.1, 3.5, 1.4, 0.2};
        double[] mean = mlp.scaler().mean();
        double[] std = mlp.scaler().std();
        double[] scaled = ((double[][]) traced.stages().get(1).output())[0];
        for (int j = 0; j < 4; j++) {
            assertThat(scaled[j], closeTo((x[j] - mean[j]) / std[j], 1e-12));
        }
        double[] probabilities = ((double[][]) traced.stages().get(2).output())[0];
        assertThat(probabilities[0] + probabilities[1] + probabilities[2], closeTo(1, 1e-6));
        assertThat(probabilities[0], greaterThan(Math.max(probabilities[1], probabilities[2])));
        assertThat(prediction.predictedClass(), equalTo("setosa"));
        assertThat(traced.totalDurationNs(), greaterThan(0L));
    }

    @Test
    void tracedAndPlainPredictionsAreTheSame() {
        for (ServedModel model : registry.all()) {
            PredictResponse plain = pipeline.run(SETOSA, model, false, PipelineTrace.OFF);
            PredictResponse traced = pipeline.run(SETOSA, model, false, new RecordingTrace(json));
            assertThat(traced, equalTo(plain));
        }
    }

    @Test
    void skippingTheScalerFeedsRawMeasurementsAndChangesTheAnswer() {
        ServedModel mlp = registry.defaultModel();
        RecordingTrace trace = new RecordingTrace(json);
        PredictResponse skipped = pipeline.run(SETOSA, mlp, true, trace);
        double[] fed =
                ((double[][]) trace.response(skipped, true).stages().get(2).input())[0];
        assertThat(fed, equalTo(new double[] {5.1, 3.5, 1.4, 0.2}));
        Map<String, Double> honest =
                pipeline.run(SETOSA, mlp, false, PipelineTrace.OFF).probabilities();
        assertThat(skipped.probabilities(), not(equalTo(honest)));
    }

    @Test
    void warnsAboutFeaturesOutsideTheTrainingRangeButStillAnswers() {
        ServedModel mlp = registry.defaultModel();
        double max = mlp.ranges().get(2).max();
        PredictResponse inRange = pipeline.predict(new double[] {5.1, 3.5, 1.4, 0.2}, mlp, false, PipelineTrace.OFF);
        PredictResponse drift = pipeline.predict(new double[] {5.1, 3.5, max + 3, 0.2}, mlp, false, PipelineTrace.OFF);
        assertThat(inRange.warnings(), empty());
        assertThat(drift.warnings(), hasSize(1));
        assertThat(drift.warnings().getFirst().feature(), equalTo("petal_length"));
        assertThat(drift.warnings().getFirst().trainingMax(), equalTo(max));
        assertThat(drift.predictedClass(), notNullValue());
    }
}
