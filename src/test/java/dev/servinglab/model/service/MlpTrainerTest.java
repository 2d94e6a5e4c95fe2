package dev.servinglab.model.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MlpTrainerTest {

    private final ScaledSplit data = scaledIris();

    @Test
    void reportsEveryEpochAndLearns() {
        List<EpochMetrics> seen = new ArrayList<>();
        TrainedClassifier trained = train(options(40, 0, 42), m -> {
            seen.add(m);
            return Optional.empty();
        });
        assertThat(seen.size(), equalTo(40));
        assertThat(trained.stop(), equalTo(StopCause.EPOCHS));
        assertThat(trained.stopReason(), equalTo("completed all 40 epochs"));
        assertThat(seen, equalTo(trained.history()));
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).epoch(), equalTo(i + 1));
        }
        assertThat(seen.getLast().trainLoss(), lessThan(seen.getFirst().trainLoss()));
        assertThat(seen.getLast().validationAccuracy(), greaterThan(0.85));
    }

    @Test
    void theSameSeedGivesTheSameCurveAndAnotherSeedAnother() {
        List<EpochMetrics> first = train(options(15, 0, 42), EpochListener.NONE).history();
        List<EpochMetrics> second =
                train(options(15, 0, 42), EpochListener.NONE).history();
        List<EpochMetrics> other = train(options(15, 0, 43), EpochListener.NONE).history();
        assertThat(losses(first), equalTo(losses(second)));
        assertThat(losses(first), not(equalTo(losses(other))));
    }

    @Test
    void aListenerCanStopTraining() {
        TrainedClassifier trained =
                train(options(50, 0, 42), m -> m.epoch() < 3 ? Optional.empty() : Optional.of(StopCause.CANCELLED));
        assertThat(trained.history().size(), equalTo(3));
        assertThat(trained.stop(), equalTo(StopCause.CANCELLED));
        assertThat(trained.stopReason(), containsString("after epoch 3"));
        assertThat(trained.keptEpoch(), equalTo(3));
    }

    @Test
    void stopsEarlyWhenValidationLossStopsImproving() {
        // A large learning rate for many epochs: the validation loss soon stops falling.
        TrainedClassifier trained =
                train(new MlpTrainer.Options(32, Activation.TANH, 0.5, 0.9, 0, 3000, 4, 5, 42), EpochListener.NONE);
        assertThat(trained.history().size(), lessThan(3000));
        assertThat(trained.stop(), equalTo(StopCause.EARLY_STOP));
        assertThat(trained.stopReason(), containsString("early stop"));
    }

    @Test
    void anEarlyStopServesTheWeightsOfTheBestEpoch() {
        // A large network and a high momentum for many epochs: validation loss bottoms out, then rises.
        TrainedClassifier trained =
                train(new MlpTrainer.Options(256, Activation.TANH, 0.02, 0.9, 0, 400, 4, 20, 42), EpochListener.NONE);
        int kept = trained.keptEpoch();
        assertThat(trained.history().size(), equalTo(kept + 20));
        EpochMetrics best = trained.history().get(kept - 1);
        for (EpochMetrics epoch : trained.history()) {
            assertThat(epoch.validationLoss(), greaterThanOrEqualTo(best.validationLoss()));
        }
        Metrics.LossAndAccuracy now =
                Metrics.lossAndAccuracy(trained.classifier(), data.validationX(), data.validationY(), data.classes());
        assertThat(now.loss(), closeTo(best.validationLoss(), 1e-12));
        assertThat(now.loss(), lessThan(trained.history().getLast().validationLoss()));
    }

    @Test
    void describesItsHyperparametersWithTheLayerSizesOfTheData() {
        MlpTrainer.Options options = options(60, 0, 42);
        assertThat(options.describe(30, 2).get("layers"), equalTo(List.of(30, 8, 2)));
        assertThat(options.describe(4, 3).get("activation"), equalTo("tanh"));
        assertThat(options.describe(4, 3).get("seed"), equalTo(42L));
    }

    @Test
    void aRunWhoseLossStopsBeingANumberSaysItDiverged() {
        TrainedClassifier trained =
                train(new MlpTrainer.Options(256, Activation.RELU, 1, 0.99, 0, 50, 1, 5, 42), EpochListener.NONE);
        assertThat(trained.stop(), equalTo(StopCause.DIVERGED));
        assertThat(trained.stopReason(), containsString("smaller learning rate"));
    }

    @Test
    void rejectsHyperparametersOutOfRange() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new MlpTrainer.Options(0, Activation.TANH, 0.1, 0, 0, 10, 8, 0, 1));
        assertThrows(
                IllegalArgumentException.class, () -> new MlpTrainer.Options(8, Activation.TANH, 0, 0, 0, 10, 8, 0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MlpTrainer.Options(8, Activation.TANH, 0.1, 1, 0, 10, 8, 0, 1));
    }

    private TrainedClassifier train(MlpTrainer.Options options, EpochListener listener) {
        return MlpTrainer.train(
                data.trainX(),
                data.trainY(),
                data.validationX(),
                data.validationY(),
                data.classes(),
                options,
                listener);
    }

    private static MlpTrainer.Options options(int epochs, int patience, long seed) {
        return new MlpTrainer.Options(8, Activation.TANH, 0.05, 0.5, 0, epochs, 8, patience, seed);
    }

    private static List<Double> losses(List<EpochMetrics> history) {
        return history.stream().map(EpochMetrics::validationLoss).toList();
    }

    private static ScaledSplit scaledIris() {
        Split split = StratifiedSplitter.split(
                new DatasetRepository().load("iris"), new StratifiedSplitter.Options(0.2, 0.2, 42));
        return ScaledSplit.of(split, Standardizer.fit(split.train().features()));
    }
}
