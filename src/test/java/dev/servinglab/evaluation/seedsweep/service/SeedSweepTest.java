package dev.servinglab.evaluation.seedsweep.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.UnknownModelException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedSweepTest {

    @Inject
    SeedSweep sweep;

    @Inject
    ModelRegistry registry;

    @Inject
    ModelConfig config;

    @Test
    void atTheConfiguredSeedTheRecipeGivesTheServedModelsOwnTestScore() {
        for (String model : SeedSweep.MODELS) {
            SeedRun run = sweep.run(model, config.seed());
            assertThat(
                    model,
                    run.testAccuracy(),
                    equalTo(registry.require(model).test().accuracy()));
            assertThat(
                    model,
                    run.testSize(),
                    equalTo(registry.require(model).test().size()));
        }
    }

    @Test
    void theSweepIsDeterministicAndKeptOnceComputed() throws Exception {
        SeedSweepResult result = sweep.sweep("mlp").get();
        assertThat(result.runs().stream().map(SeedRun::seed).toList(), equalTo(SeedSweep.SEEDS));
        for (SeedRun kept : List.of(result.runs().getFirst(), result.runs().getLast())) {
            assertThat(sweep.run("mlp", kept.seed()), equalTo(kept));
        }
        assertThat(sweep.sweep("mlp").get(), equalTo(result));
        assertThat(result.served().seed(), equalTo(config.seed()));
        assertThat(
                result.served().testAccuracy(),
                equalTo(registry.require("mlp").test().accuracy()));
        assertThat(
                result.servedInside(),
                equalTo(result.served().testAccuracy() >= result.interval().low()
                        && result.served().testAccuracy() <= result.interval().high()));
    }

    @Test
    void theIntervalHoldsAllSeedsButAtMostTheLowestAndTheHighest() throws Exception {
        SeedSweepResult result = sweep.sweep("mlp").get();
        double[] accuracies =
                result.runs().stream().mapToDouble(SeedRun::testAccuracy).toArray();
        SpreadInterval interval = result.interval();
        long inside = Arrays.stream(accuracies)
                .filter(a -> a >= interval.low() && a <= interval.high())
                .count();
        assertThat((long) interval.seedsInside(), equalTo(inside));
        assertThat(interval.seedsInside(), greaterThanOrEqualTo(SeedSweep.SEED_COUNT - 2));
        for (double accuracy : accuracies) {
            if (accuracy < interval.low() || accuracy > interval.high()) {
                assertThat(accuracy, anyOf(equalTo(result.lowest()), equalTo(result.highest())));
            }
        }
        assertThat(interval.low(), greaterThanOrEqualTo(result.lowest()));
        assertThat(interval.high(), lessThanOrEqualTo(result.highest()));
        assertThat(result.mean(), closeTo(Arrays.stream(accuracies).sum() / accuracies.length, 1e-12));
    }

    @Test
    void thePercentilesInterpolateBetweenTheSortedValues() {
        // 20 distinct values 1 … 20: the 2.5th percentile lies 0.475 of the way from 1 to 2, the 97.5th as far
        // back from 20 to 19; only the two ends fall outside.
        double[] values = new double[20];
        for (int i = 0; i < 20; i++) {
            values[19 - i] = i + 1;
        }
        SpreadInterval interval = SeedSweep.interval(values);
        assertThat(interval.low(), closeTo(1.475, 1e-12));
        assertThat(interval.high(), closeTo(19.525, 1e-12));
        assertThat(interval.seedsInside(), equalTo(18));

        double[] tied = {
            0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1
        };
        assertThat(SeedSweep.interval(tied).seedsInside(), equalTo(19));
    }

    @Test
    void onlyBuiltInModelsCanBeSwept() {
        assertThrows(UnknownModelException.class, () -> sweep.sweep("run-0123456789abcdef"));
    }
}
