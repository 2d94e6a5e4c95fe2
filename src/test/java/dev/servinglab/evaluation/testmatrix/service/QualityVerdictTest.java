package dev.servinglab.evaluation.testmatrix.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.model.service.EpochMetrics;
import org.junit.jupiter.api.Test;

class QualityVerdictTest {

    @Test
    void theIntervalOfTwentySixRightInThirtyIsWide() {
        // The review's figure: 26 of 30 right plausibly means anything from about 70 % to 95 %.
        double[] interval = QualityVerdict.wilson(26, 30);
        assertThat(interval[0], closeTo(0.703, 0.001));
        assertThat(interval[1], closeTo(0.947, 0.001));
        double[] perfect = QualityVerdict.wilson(30, 30);
        assertThat(perfect[1], equalTo(1.0));
        assertThat(perfect[0], closeTo(0.886, 0.001));
    }

    @Test
    void theCurvesDecideOverfittingNotTheGap() {
        EpochMetrics best = epoch(29, 0.052, 0.455);
        assertThat(
                QualityVerdict.curveVerdict(best, epoch(200, 0.004, 0.630)),
                equalTo("validation loss ended at 0.630, 38 % above its best (0.455, at epoch 29), while training "
                        + "loss fell to 0.004: the curves show overfitting"));
        EpochMetrics last = epoch(60, 0.044, 0.049);
        assertThat(
                QualityVerdict.curveVerdict(epoch(58, 0.045, 0.047), last),
                endsWith("within 10 % of its best (0.047, at epoch 58), beside a training loss of 0.044: the curves "
                        + "show no overfitting"));
    }

    private static EpochMetrics epoch(int epoch, double trainLoss, double validationLoss) {
        return new EpochMetrics(epoch, trainLoss, 1, validationLoss, 1, 0);
    }
}
