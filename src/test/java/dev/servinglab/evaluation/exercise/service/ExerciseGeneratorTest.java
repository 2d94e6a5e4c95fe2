package dev.servinglab.evaluation.exercise.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import dev.servinglab.evaluation.service.ConfusionCounts;
import dev.servinglab.evaluation.service.Metric;
import java.util.HashSet;
import java.util.Optional;
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
        assertThat("distinct matrices among 50 seeds", counts.size(), greaterThan(40));
    }

    @Test
    void generatedExercisesAreConsistentAndVaried() {
        Set<String> scenarios = new HashSet<>();
        int undefined = 0;
        int transposed = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Exercise e = ExerciseGenerator.generate(seed);
            ConfusionCounts c = e.counts();
            assertThat(e.story(), containsString(String.valueOf(c.total())));
            scenarios.add(e.scenario());
            undefined += Metric.PRECISION.of(c) == null ? 1 : 0;
            transposed += e.rowsAreActual() ? 0 : 1;
        }
        assertThat(scenarios.size(), equalTo(5));
        assertThat("exercises with an undefined precision", undefined, allOf(greaterThan(20), lessThan(40)));
        assertThat("transposed exercises", transposed, greaterThan(10));
    }

    @Test
    void theFixedExercisesComeFirstThenGeneratedOnes() {
        assertThat(ExerciseGenerator.next("fixed-1"), equalTo("fixed-2"));
        assertThat(ExerciseGenerator.next("fixed-4"), equalTo("seed-1"));
        assertThat(ExerciseGenerator.next("seed-41"), equalTo("seed-42"));
        assertThat(ExerciseGenerator.find("fixed-9"), equalTo(Optional.empty()));
        assertThat(ExerciseGenerator.find("seed-x"), equalTo(Optional.empty()));
    }
}
