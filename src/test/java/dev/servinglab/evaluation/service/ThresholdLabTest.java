package dev.servinglab.evaluation.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.service.LogisticTrainer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThresholdLabTest {

    private static final LogisticTrainer.Options OPTIONS = new LogisticTrainer.Options(0.1, 1e-5, 500);

    @Test
    void theSameSeedTrainsTheSameScoresAndAnotherSeedOthers() {
        BinaryScores first = new ThresholdLab(new DatasetRepository(), 42, OPTIONS)
                .scores("breast-cancer")
                .orElseThrow();
        BinaryScores second = new ThresholdLab(new DatasetRepository(), 42, OPTIONS)
                .scores("breast-cancer")
                .orElseThrow();
        BinaryScores other = new ThresholdLab(new DatasetRepository(), 7, OPTIONS)
                .scores("breast-cancer")
                .orElseThrow();
        assertThat(Arrays.equals(first.scores(), second.scores()), equalTo(true));
        assertThat(Arrays.equals(first.truth(), second.truth()), equalTo(true));
        assertThat(Arrays.equals(first.scores(), other.scores()), not(equalTo(true)));
    }

    @Test
    void countsFollowTheThresholdRowByRow() {
        BinaryScores s =
                new BinaryScores("toy", "yes", "no", new double[] {0.9, 0.6, 0.4, 0.2}, new int[] {1, 0, 1, 0});
        assertThat(s.at(0.5), equalTo(new ConfusionCounts(1, 1, 1, 1)));
        assertThat(s.at(0.0), equalTo(new ConfusionCounts(2, 2, 0, 0)));
        assertThat(s.at(0.95), equalTo(new ConfusionCounts(0, 0, 2, 2)));
        ThresholdLab.View view = ThresholdLab.view(s, ThresholdLab.curves(s), 0.5);
        assertThat(view.metrics().get("precision"), equalTo(0.5));
        assertThat(view.roc().size(), equalTo(101));
    }
}
