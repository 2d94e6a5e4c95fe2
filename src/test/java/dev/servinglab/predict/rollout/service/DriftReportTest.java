package dev.servinglab.predict.rollout.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftReportTest {

    @Test
    void edgesAreTheQuantilesWithoutRepeats() {
        double[] edges = DriftReport.FeatureDrift.edges(new double[] {1, 1, 1, 1, 1, 2, 3, 4, 5, 6});
        assertThat(Arrays.toString(edges), equalTo("[1.0, 3.0, 5.0]"));
    }

    @Test
    void sharesAreSmoothedAndSumToOne() {
        double[] shares = DriftReport.FeatureDrift.shares(new double[] {0, 0, 10}, new double[] {5});
        assertThat(shares[0], closeTo(2.5 / 4, 1e-12));
        assertThat(shares[1], closeTo(1.5 / 4, 1e-12));
    }

    @Test
    void samplesOfOnePopulationStayNearTheNoiseFloorAndAShiftRisesFarAboveIt() {
        Random random = new Random(42);
        double[] training = random.doubles(120).map(u -> 4 + 2 * u).toArray();
        double[] same = random.doubles(200).map(u -> 4 + 2 * u).toArray();
        double[] shifted = Arrays.stream(same).map(v -> v + 1).toArray();
        DriftReport.FeatureDrift calm = DriftReport.FeatureDrift.of("petal_length", training, same);
        DriftReport.FeatureDrift moved = DriftReport.FeatureDrift.of("petal_length", training, shifted);
        assertThat(calm.psiNoise(), closeTo(4 * (1.0 / 120 + 1.0 / 200), 1e-12));
        assertThat(calm.level(), equalTo(DriftLevel.STABLE));
        assertThat(moved.level(), equalTo(DriftLevel.DRIFTED));
        assertThat(moved.ks(), greaterThan(0.4));
        assertThat(moved.recentMean() - calm.recentMean(), closeTo(1.0, 1e-9));
    }

    @Test
    void aWindowTooSmallIsNotGraded() {
        DriftReport.FeatureDrift few = DriftReport.FeatureDrift.of("x", new double[] {1, 2, 3, 4, 5}, new double[] {9});
        assertThat(few.level(), equalTo(DriftLevel.TOO_FEW));
    }
}
