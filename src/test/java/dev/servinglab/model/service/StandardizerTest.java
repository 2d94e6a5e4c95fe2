package dev.servinglab.model.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    @Test
    void fitsThePopulationMeanAndStandardDeviation() {
        // Column 1: 1, 3, 5 → mean 3, variance (4 + 0 + 4) / 3.
        // Column 2: 2, 4, 9 → mean 5, variance (9 + 1 + 16) / 3.
        Standardizer scaler = Standardizer.fit(new double[][] {{1, 2}, {3, 4}, {5, 9}});
        assertThat(scaler.mean()[0], closeTo(3, 1e-12));
        assertThat(scaler.mean()[1], closeTo(5, 1e-12));
        assertThat(scaler.std()[0], closeTo(Math.sqrt(8.0 / 3), 1e-12));
        assertThat(scaler.std()[1], closeTo(Math.sqrt(26.0 / 3), 1e-12));
    }

    @Test
    void scalesARowToZScores() {
        Standardizer scaler = new Standardizer(new double[] {3, 5}, new double[] {2, 4});
        double[] z = scaler.apply(new double[] {7, 1});
        assertThat(z[0], closeTo(2, 1e-12));
        assertThat(z[1], closeTo(-1, 1e-12));
    }

    @Test
    void aConstantColumnMapsToZeroInsteadOfInfinity() {
        Standardizer scaler = Standardizer.fit(new double[][] {{1, 4}, {3, 4}});
        assertThat(scaler.std()[1], equalTo(1.0));
        assertThat(scaler.apply(new double[] {2, 4})[1], equalTo(0.0));
    }
}
