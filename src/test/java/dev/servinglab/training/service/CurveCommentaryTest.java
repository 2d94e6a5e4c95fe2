package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.model.service.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveCommentaryTest {

    @Test
    void seesAFastDropThenItsEnd() {
        List<String> notes = observe(new double[][] {{1.0, 1.0}, {0.6, 0.62}, {0.4, 0.45}, {0.38, 0.43}});
        assertThat(notes.get(0), startsWith("Starting point: training loss 1.000"));
        assertThat(notes.get(1), equalTo("Fast drop: training loss down 40 % in one epoch, from 1.000 to 0.600"));
        assertThat(notes.get(2), nullValue()); // still fast: said once for the stretch
        assertThat(notes.get(3), startsWith("The fast drop ends: training loss down 5 %"));
    }

    @Test
    void seesAPlateauOnceUntilTheLossLeavesIt() {
        double[][] curve = new double[12][];
        for (int i = 0; i < curve.length; i++) {
            curve[i] = new double[] {0.3 - i * 0.0001, 0.300 + (i % 2) * 0.001};
        }
        List<String> notes = observe(curve);
        assertThat(notes.get(4), startsWith("Plateau: validation loss moved less than 1 % over the last 5 epochs"));
        assertThat(notes.subList(5, 12).stream().filter(n -> n != null).count(), equalTo(0L));
    }

    @Test
    void callsOverfittingFromTheBestEpochWhenValidationLossRisesWhileTrainingLossFalls() {
        CurveCommentary observer = new CurveCommentary();
        List<String> notes = observe(observer, new double[][] {
            {0.9, 0.9}, {0.5, 0.5}, {0.3, 0.40}, {0.2, 0.42}, {0.15, 0.44}, {0.10, 0.48}, {0.07, 0.50}
        });
        assertThat(
                notes.get(5),
                startsWith("Overfitting from epoch 3: validation loss up 20 % since its best "
                        + "(0.400 at epoch 3) while training loss fell from 0.300 to 0.100"));
        assertThat(notes.get(6), nullValue()); // called once
        assertThat(observer.overfittingFrom(), equalTo(3));
        assertThat(observer.bestEpoch(), equalTo(3));
    }

    @Test
    void aNoisyRiseOfATinyLossIsNotOverfitting() {
        CurveCommentary observer = new CurveCommentary();
        observe(observer, new double[][] {{0.06, 0.050}, {0.058, 0.055}, {0.057, 0.060}, {0.056, 0.065}, {0.055, 0.066}
        });
        assertThat(observer.overfittingFrom(), equalTo(0));
    }

    @Test
    void aNewBestValidationLossWithdrawsTheCall() {
        CurveCommentary observer = new CurveCommentary();
        List<String> notes =
                observe(observer, new double[][] {{0.9, 0.5}, {0.8, 0.6}, {0.7, 0.6}, {0.6, 0.6}, {0.5, 0.45}});
        assertThat(notes.get(3), startsWith("Overfitting from epoch 1"));
        assertThat(
                notes.get(4),
                containsString("Validation loss improves again: a new best of 0.450, so the rise "
                        + "after epoch 1 did not last"));
        assertThat(observer.overfittingFrom(), equalTo(0));
        assertThat(observer.bestEpoch(), equalTo(5));
    }

    @Test
    void theSameCurveGetsTheSameObservations() {
        double[][] curve = {{1.0, 1.1}, {0.7, 0.8}, {0.5, 0.7}, {0.4, 0.72}, {0.3, 0.75}, {0.2, 0.8}};
        assertThat(observe(curve), equalTo(observe(curve)));
    }

    private static List<String> observe(double[][] curve) {
        return observe(new CurveCommentary(), curve);
    }

    /** Feeds {train loss, validation loss} pairs as epochs 1, 2, … and returns what each showed. */
    private static List<String> observe(CurveCommentary observer, double[][] curve) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < curve.length; i++) {
            notes.add(observer.observe(new EpochMetrics(i + 1, curve[i][0], 0.9, curve[i][1], 0.8, i)));
        }
        return notes;
    }
}
