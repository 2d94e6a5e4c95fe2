package dev.servinglab.evaluation.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExerciseGeneratorTest {

    @Test
    void aSeedAlwaysGivesTheSameExercise() {
        assertThat(ExerciseGenerator.generate(12345), equalTo(ExerciseGenerator.generate(12345)));
        assertThat(ExerciseGenerator.find("seed-12345").orElseThrow(), equalTo(ExerciseGenerator.generate(12345)));
        Set<ConfusionCounts> counts = new HashSet<>();
        for (long seed = 1; seed <= 50; seed++) {
            counts.add(ExerciseGenerator.generate(seed).counts());
        }
        assertThat(counts.size() > 40, equalTo(true));
    }

    @Test
    void generatedExercisesAreConsistentAndVaried() {
        Set<String> scenarios = new HashSet<>();
        int undefined = 0;
        int transposed = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Exercise e = ExerciseGenerator.generate(seed);
            ConfusionCounts c = e.counts();
            assertThat(e.story().contains(String.valueOf(c.total())), equalTo(true));
            scenarios.add(e.scenario());
            undefined += Metric.PRECISION.of(c) == null ? 1 : 0;
            transposed += e.rowsAreActual() ? 0 : 1;
        }
        assertThat(scenarios.size(), equalTo(5));
        assertThat(undefined > 20 && undefined < 40, equalTo(true));
        assertThat(transposed > 10, equalTo(true));
    }

    @Test
    void theFixedExercisesComeFirstThenGeneratedOnes() {
        assertThat(ExerciseGenerator.next("fixed-1"), equalTo("fixed-2"));
        assertThat(ExerciseGenerator.next("fixed-4"), equalTo("seed-1"));
        assertThat(ExerciseGenerator.next("seed-41"), equalTo("seed-42"));
        assertThat(ExerciseGenerator.find("fixed-9").isPresent(), equalTo(false));
        assertThat(ExerciseGenerator.find("seed-x").isPresent(), equalTo(false));
    }
}
