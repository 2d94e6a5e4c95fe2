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
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.Flowers;
import dev.servinglab.web.problem.InvalidInputException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PredictionPipelineTest {

    private static final byte[] SETOSA = Flowers.setosa().getBytes(StandardCharsets.UTF_8);

    @Inject
    PredictionPipeline pipeline;

    @Inject
    ModelRegistry registry;

    @Inject
    ObjectMapper json;

    @Test
    void traceShowsFourStagesWithTheRightShapesAndHandComputedValues() {
        ServedModel mlp = registry.defaultModel();
        TraceResponse traced = pipeline.trace(SETOSA, mlp, false);
        PredictResponse prediction = traced.prediction();

        assertThat(
                traced.stages().stream().map(StageTrace::name).toList(),
                contains("parse", "scale", "predict", "respond"));
        assertThat(
                traced.stages().stream()
                        .map(s -> s.inputShape() + " -> " + s.outputShape())
                        .toList(),
                contains("JSON object, 4 fields -> 1 × 4", "1 × 4 -> 1 × 4", "1 × 4 -> 1 × 3", "1 × 3 -> JSON object"));

        double[] x = Flowers.setosaRow();
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
        assertThat(fed, equalTo(Flowers.setosaRow()));
        Map<String, Double> honest =
                pipeline.run(SETOSA, mlp, false, PipelineTrace.OFF).probabilities();
        assertThat(skipped.probabilities(), not(equalTo(honest)));
    }

    @Test
    void warnsAboutFeaturesOutsideTheTrainingRangeButStillAnswers() {
        ServedModel mlp = registry.defaultModel();
        double max = mlp.ranges().get(2).max();
        double[] flower = Flowers.setosaRow();
        PredictResponse inRange = pipeline.predict(flower, mlp, false, PipelineTrace.OFF);
        double[] giantPetal = flower.clone();
        giantPetal[2] = max + 3;
        PredictResponse drift = pipeline.predict(giantPetal, mlp, false, PipelineTrace.OFF);
        assertThat(inRange.warnings(), empty());
        assertThat(drift.warnings(), hasSize(1));
        assertThat(drift.warnings().getFirst().feature(), equalTo("petal_length"));
        assertThat(drift.warnings().getFirst().trainingMax(), equalTo(max));
        assertThat(drift.predictedClass(), notNullValue());
    }

    @Test
    void checksRowsThatCameAnotherWayByTheSameRulesNamingEachBrokenValue() {
        ServedModel mlp = registry.defaultModel();
        double[] negative = Flowers.setosaRow();
        negative[3] = -negative[3];
        double[][] rows = {Flowers.setosaRow(), negative};
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> pipeline.check(rows, mlp, "inputs[0].data"));
        assertThat(
                e.violations().stream().map(v -> v.field() + " " + v.rule()).toList(),
                contains("inputs[0].data[1].petal_width minimum"));
        double[][] valid = {Flowers.setosaRow(), Flowers.virginicaRow()};
        assertDoesNotThrow(() -> pipeline.check(valid, mlp, "inputs[0].data"));
    }

    @Test
    void skipScalingIsTrueOrFalseAndNothingElse() {
        assertThat(PredictionPipeline.skipScaling("true"), equalTo(true));
        assertThat(PredictionPipeline.skipScaling("false"), equalTo(false));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> PredictionPipeline.skipScaling("yes"));
        assertThat(e.violations().getFirst().field(), equalTo("skip_scaling"));
    }
}
