package dev.servinglab.evaluation.calibration.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.UnknownModelException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalibrationTest {

    @Inject
    Calibration calibration;

    @Inject
    ModelRegistry registry;

    @Test
    void theBinsHoldEveryPredictionOfTheHeldOutFlowersOnce() {
        for (String model : calibration.builtInNames()) {
            ReliabilityDiagram diagram = calibration.diagram(model, 10);
            int split = registry.require(model).split().get("validation")
                    + registry.require(model).split().get("test");
            assertThat(diagram.rows(), equalTo(split));
            assertThat(diagram.predictions(), equalTo(diagram.rows() * diagram.classes()));
            assertThat(diagram.bins().stream().mapToInt(ReliabilityBin::count).sum(), equalTo(diagram.predictions()));
            // Each flower is of exactly one class: one right prediction per flower, wherever it is binned.
            assertThat(diagram.bins().stream().mapToInt(ReliabilityBin::hits).sum(), equalTo(diagram.rows()));
        }
    }

    @Test
    void eachBinReportsItsOwnShareAndTheErrorWeighsTheGaps() {
        ReliabilityDiagram diagram = calibration.diagram("mlp", 10);
        double weighted = 0;
        for (ReliabilityBin bin : diagram.bins()) {
            if (bin.count() == 0) {
                assertThat(bin.meanProbability(), nullValue());
                assertThat(bin.observedFrequency(), nullValue());
            } else {
                assertThat(bin.observedFrequency(), closeTo((double) bin.hits() / bin.count(), 1e-12));
                assertThat(bin.meanProbability() >= bin.from() && bin.meanProbability() <= bin.to(), equalTo(true));
                weighted += bin.count() * Math.abs(bin.gap());
            }
        }
        assertThat(diagram.expectedCalibrationError(), closeTo(weighted / diagram.predictions(), 1e-12));
    }

    @Test
    void fewerBinsMergeNeighbouringOnesAndTheSameCallGivesTheSameDiagram() {
        ReliabilityDiagram ten = calibration.diagram("mlp", 10);
        ReliabilityDiagram five = calibration.diagram("mlp", 5);
        for (int b = 0; b < 5; b++) {
            assertThat(
                    five.bins().get(b).count(),
                    equalTo(ten.bins().get(2 * b).count()
                            + ten.bins().get(2 * b + 1).count()));
            assertThat(
                    five.bins().get(b).hits(),
                    equalTo(ten.bins().get(2 * b).hits()
                            + ten.bins().get(2 * b + 1).hits()));
        }
        assertThat(calibration.diagram("mlp", 10), equalTo(ten));
    }

    @Test
    void onlyBuiltInModelsAndSensibleBinCountsAreTaken() {
        assertThrows(UnknownModelException.class, () -> calibration.diagram("run-0123456789abcdef", 10));
        assertThrows(IllegalArgumentException.class, () -> calibration.diagram("mlp", 1));
        assertThrows(IllegalArgumentException.class, () -> calibration.diagram("mlp", 21));
    }
}
