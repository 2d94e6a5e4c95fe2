package dev.servinglab.evaluation.threshold.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.evaluation.service.BinaryScores;
import dev.servinglab.evaluation.service.ConfusionCounts;
import dev.servinglab.evaluation.service.LabSettings;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.service.LogisticTrainer;
import dev.servinglab.web.problem.ResourceNotFoundException;
import org.junit.jupiter.api.Test;

class ThresholdLabTest {

    private static final LogisticTrainer.Options OPTIONS = new LogisticTrainer.Options(0.1, 1e-5, 500);

    @Test
    void theSameSeedTrainsTheSameScoresAndAnotherSeedOthers() {
        BinaryScores first = lab(42).scores("breast-cancer");
        BinaryScores second = lab(42).scores("breast-cancer");
        BinaryScores other = lab(7).scores("breast-cancer");
        assertThat(second.scores(), equalTo(first.scores()));
        assertThat(second.truth(), equalTo(first.truth()));
        assertThat(other.scores(), not(equalTo(first.scores())));
        assertThrows(ResourceNotFoundException.class, () -> lab(42).scores("iris"));
    }

    @Test
    void countsFollowTheThresholdRowByRow() {
        BinaryScores s =
                new BinaryScores("toy", "yes", "no", new double[] {0.9, 0.6, 0.4, 0.2}, new int[] {1, 0, 1, 0});
        assertThat(s.at(0.5), equalTo(new ConfusionCounts(1, 1, 1, 1)));
        assertThat(s.at(0.0), equalTo(new ConfusionCounts(2, 2, 0, 0)));
        assertThat(s.at(0.95), equalTo(new ConfusionCounts(0, 0, 2, 2)));
        ThresholdEffect effect = ThresholdLab.effect(s, ThresholdLab.curves(s), 0.5);
        assertThat(effect.metrics().get("precision"), equalTo(0.5));
        assertThat(effect.roc(), hasSize(101));
        assertThat(effect.classes(), contains("yes", "no"));
    }

    @Test
    void theDataSetsAreThoseOfTheGoalsInOrder() {
        assertThat(ThresholdLab.DATASETS, contains("breast-cancer", "spambase"));
    }

    @Test
    void everyGoalIsReachableWithTheSlidersOwnSteps() {
        // The slider moves in steps of 0.01: a goal met only between two steps could not be done on the page.
        for (long seed : new long[] {42, 1, 7}) {
            ThresholdLab lab = lab(seed);
            for (String dataset : ThresholdLab.DATASETS) {
                assertThat(dataset + " with seed " + seed, lab.passing(dataset), not(empty()));
            }
        }
    }

    private static ThresholdLab lab(long seed) {
        return new ThresholdLab(new DatasetRepository(), new LabSettings(seed, OPTIONS));
    }
}
