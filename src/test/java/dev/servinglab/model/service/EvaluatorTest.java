package dev.servinglab.model.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void countsActualRowsAgainstPredictedColumns() {
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2, 2, 2, 0};
        Evaluation e = Evaluator.of(truth, predicted, ABC);
        assertThat(e.confusionMatrix(), equalTo(new int[][] {{2, 1, 0}, {0, 1, 1}, {1, 0, 3}}));
        assertThat(e.accuracy(), closeTo(6.0 / 9, 1e-12));
        // Class a: TP 2, predicted as a 3 times, actually a 3 times.
        assertThat(e.perClass().get(0).precision(), closeTo(2.0 / 3, 1e-12));
        assertThat(e.perClass().get(0).recall(), closeTo(2.0 / 3, 1e-12));
        // Class c: TP 3, predicted as c 4 times, actually c 4 times.
        assertThat(e.perClass().get(2).precision(), closeTo(3.0 / 4, 1e-12));
        // Class b: TP 1 of 2 predictions and 2 actual → P = R = F1 = 0.5.
        assertThat(e.perClass().get(1).f1(), closeTo(0.5, 1e-12));
        assertThat(e.macroAverage().recall(), closeTo((2.0 / 3 + 0.5 + 0.75) / 3, 1e-12));
        assertThat(e.weightedAverage().recall(), closeTo((3 * 2.0 / 3 + 2 * 0.5 + 4 * 0.75) / 9, 1e-12));
    }

    @Test
    void aClassNeverPredictedHasUndefinedPrecision() {
        Evaluation e = Evaluator.of(new int[] {0, 1, 2}, new int[] {0, 0, 2}, ABC);
        assertThat(e.perClass().get(1).precision(), nullValue());
        assertThat(e.perClass().get(1).recall(), equalTo(0.0));
        assertThat(e.perClass().get(1).f1(), nullValue());
        assertThat(e.confusionMatrix().length, equalTo(3));
    }

    @Test
    void theAveragesCountAnUndefinedMetricAsZeroAndAverageTheClassesF1() {
        // Class b is never predicted: its precision and F1 are undefined and count as 0 in the averages.
        Evaluation e = Evaluator.of(new int[] {0, 0, 1, 2}, new int[] {0, 2, 0, 2}, ABC);
        assertThat(e.perClass().get(1).precision(), nullValue());
        // Per class: a P 1/2 R 1/2 F1 1/2; b P - R 0 F1 -; c P 1/2 R 1 F1 2/3.
        assertThat(e.macroAverage().precision(), closeTo((0.5 + 0 + 0.5) / 3, 1e-12));
        assertThat(e.macroAverage().f1(), closeTo((0.5 + 0 + 2.0 / 3) / 3, 1e-12));
        assertThat(e.weightedAverage().f1(), closeTo((2 * 0.5 + 0 + 2.0 / 3) / 4, 1e-12));
    }
}
