package dev.servinglab.evaluation.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void theFirstWorkedExampleOfTheMaterial() {
        ConfusionCounts c = new ConfusionCounts(50, 5, 10, 35);
        assertThat(Metric.PRECISION.of(c), closeTo(50.0 / 55, 1e-12)); // ≈ 0.91
        assertThat(Metric.RECALL.of(c), closeTo(50.0 / 60, 1e-12)); // ≈ 0.83
        assertThat(Metric.F1.of(c), closeTo(0.8696, 1e-4)); // ≈ 0.87
        assertThat(Metric.ACCURACY.of(c), closeTo(0.85, 1e-12));
    }

    @Test
    void theSameFourNumbersInOtherCellsGiveOtherMetrics() {
        ConfusionCounts rowsActual = new ConfusionCounts(80, 10, 20, 90);
        ConfusionCounts swapped = new ConfusionCounts(80, 20, 10, 90);
        assertThat(Metric.PRECISION.of(rowsActual), closeTo(0.889, 1e-3));
        assertThat(Metric.RECALL.of(rowsActual), closeTo(0.80, 1e-12));
        assertThat(Metric.F1.of(rowsActual), closeTo(0.842, 1e-3));
        assertThat(Metric.PRECISION.of(swapped), closeTo(0.80, 1e-12));
        assertThat(Metric.RECALL.of(swapped), closeTo(0.889, 1e-3));
        assertThat(Metric.ACCURACY.of(swapped), closeTo(0.85, 1e-12));
    }

    @Test
    void theSpamClassifierBehindAnApi() {
        ConfusionCounts c = new ConfusionCounts(40, 10, 5, 45);
        assertThat(Metric.PRECISION.of(c), closeTo(0.80, 1e-12));
        assertThat(Metric.RECALL.of(c), closeTo(0.889, 1e-3));
        assertThat(Metric.F1.of(c), closeTo(0.842, 1e-3));
        assertThat(Metric.ACCURACY.of(c), closeTo(0.85, 1e-12));
    }

    @Test
    void zeroDenominatorsAreUndefined() {
        ConfusionCounts alwaysNegative = new ConfusionCounts(0, 0, 2, 98);
        assertThat(Metric.PRECISION.of(alwaysNegative), nullValue());
        // The count form lesson 4 teaches: no positive found is an F1 of 0, even with precision undefined.
        assertThat(Metric.F1.of(alwaysNegative), equalTo(0.0));
        assertThat(Metric.RECALL.of(alwaysNegative), equalTo(0.0));
        assertThat(Metric.ACCURACY.of(alwaysNegative), closeTo(0.98, 1e-12));
        ConfusionCounts noPositives = new ConfusionCounts(0, 3, 0, 97);
        assertThat(Metric.RECALL.of(noPositives), nullValue());
        assertThat(Metric.PRECISION.of(noPositives), equalTo(0.0));
        assertThat(Metric.F1.of(noPositives), equalTo(0.0));
        assertThat(Metric.F1.of(new ConfusionCounts(0, 0, 0, 100)), nullValue());
        assertThrows(IllegalArgumentException.class, () -> new ConfusionCounts(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionCounts(-1, 0, 0, 5));
    }

    @Test
    void everyMetricHasOneLabelAndOneKey() {
        assertThat(Metric.ALL.stream().map(Metric::label).toList(), contains("Accuracy", "Precision", "Recall", "F1"));
        assertThat(Metric.keys(), contains("accuracy", "precision", "recall", "f1"));
        assertThat(Metric.keysInWords(), equalTo("accuracy, precision, recall and f1"));
        assertThat(Metric.byKey("f1"), equalTo(Optional.of(Metric.F1)));
        assertThat(Metric.byKey("auc"), equalTo(Optional.empty()));
    }

    @Test
    void theCountsLayOutAsTheMatrixPagesShow() {
        assertThat(new ConfusionCounts(1, 2, 3, 4).matrix(), equalTo(new int[][] {{1, 3}, {2, 4}}));
    }
}
