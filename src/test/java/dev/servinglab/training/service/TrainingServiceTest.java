package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingServiceTest {

    private static final Dataset IRIS = new DatasetRepository().load("iris");

    @ParameterizedTest
    @ValueSource(ints = {10, 11, 12, 13, 50, 149})
    void theTrainingRowsAreCutToExactlyTheNumberAskedKeepingEveryClass(int rows) {
        Dataset kept = TrainingService.stratifiedHead(IRIS, rows);
        assertThat(kept.size(), equalTo(rows));
        int[] perClass = new int[3];
        for (int label : kept.labels()) {
            perClass[label]++;
        }
        for (int count : perClass) {
            assertThat(Math.abs(count - rows / 3.0) < 1.0, equalTo(true));
        }
    }
}
