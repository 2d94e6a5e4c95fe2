package dev.servinglab.model.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.servinglab.model.data.Split;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BuiltInModelsTest {

    @Inject
    BuiltInModels builtIns;

    @Inject
    ModelRegistry registry;

    @Test
    void twoTrainingsWithTheSameSeedGiveIdenticalModels() {
        List<ServedModel> first = builtIns.train();
        List<ServedModel> second = builtIns.train();
        for (int m = 0; m < first.size(); m++) {
            ServedModel a = first.get(m);
            ServedModel b = second.get(m);
            assertThat(a.name(), equalTo(b.name()));
            assertThat(a.scaler().mean(), equalTo(b.scaler().mean()));
            assertThat(
                    a.history().stream().map(EpochMetrics::trainLoss).toList(),
                    equalTo(b.history().stream().map(EpochMetrics::trainLoss).toList()));
            assertThat(a.test().confusionMatrix(), equalTo(b.test().confusionMatrix()));
            assertThat(a.test().accuracy(), equalTo(b.test().accuracy()));
            double[] pa = new double[3];
            double[] pb = new double[3];
            a.classifier().predict(new double[] {0.1, -0.2, 0.3, 0.4}, pa);
            b.classifier().predict(new double[] {0.1, -0.2, 0.3, 0.4}, pb);
            assertThat(pa, equalTo(pb));
        }
        assertThat(
                registry.defaultModel().test().accuracy(),
                equalTo(first.getFirst().test().accuracy()));
    }

    @Test
    void theScalerIsFittedOnTheTrainingSplitOnly() {
        Split split = builtIns.irisSplit();
        double[] mean = registry.defaultModel().scaler().mean();
        double[] std = registry.defaultModel().scaler().std();
        for (int j = 0; j < 4; j++) {
            final int column = j;
            double handMean = Arrays.stream(split.train().features())
                            .mapToDouble(r -> r[column])
                            .sum()
                    / split.train().size();
            double handVariance = Arrays.stream(split.train().features())
                            .mapToDouble(r -> (r[column] - handMean) * (r[column] - handMean))
                            .sum()
                    / split.train().size();
            assertThat(mean[j], closeTo(handMean, 1e-12));
            assertThat(std[j], closeTo(Math.sqrt(handVariance), 1e-12));
        }
        assertThat(split.train().size(), equalTo(90));
    }

    @Test
    void theMlpCardListsItsLayersFromTheData() {
        assertThat(registry.defaultModel().hyperparameters().get("layers"), equalTo(List.of(4, 8, 3)));
        assertThat(registry.defaultModel().stopReason(), equalTo("completed all 60 epochs"));
    }

    @Test
    void theSeedGivesTheSameTestAccuracyAsBefore() {
        // Pinned: the shuffles (Collections.shuffle) and the split must stay what they were for the same seed.
        assertThat(registry.find("mlp").orElseThrow().test().accuracy(), closeTo(0.867, 0.0005));
        assertThat(registry.find("logreg").orElseThrow().test().accuracy(), closeTo(0.900, 0.0005));
    }

    @Test
    void theModelsScoreWellOnHeldOutFlowers() {
        for (ServedModel model : registry.all()) {
            assertThat(model.name(), model.test().accuracy(), greaterThan(0.8));
            assertThat(model.test().size(), equalTo(30));
        }
    }
}
