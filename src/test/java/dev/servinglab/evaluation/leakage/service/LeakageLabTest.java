package dev.servinglab.evaluation.leakage.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.servinglab.evaluation.service.LabSettings;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.service.LogisticTrainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakageLabTest {

    private final DatasetRepository datasets = new DatasetRepository();

    @Test
    void deduplicationRemovesExactlyTheRepeatedRows() {
        Dataset spam = datasets.load("spambase");
        // datasets/README.md: 394 rows repeat the features of an earlier row (3 of them with the other label).
        Dataset unique = LeakageLab.deduplicate(spam);
        assertThat(unique.size(), equalTo(4601 - 394));
        assertThat(LeakageLab.deduplicate(unique).size(), equalTo(unique.size()));
    }

    @Test
    void theLeakyEvaluationOfAMemorisingModelLooksBetterThanTheHonestOne() {
        List<LeakageCase> cases =
                new LeakageLab(datasets, new LabSettings(42, new LogisticTrainer.Options(0.1, 1e-5, 500))).cases();
        assertThat(cases.size(), equalTo(2));
        LeakageCase duplicates = cases.get(1);
        assertThat(
                duplicates.leaky().metrics().get("accuracy"),
                greaterThan(duplicates.honest().metrics().get("accuracy")));
        assertThat(
                duplicates.leaky().testSize(), greaterThan(duplicates.honest().testSize()));
        LeakageCase scaling = cases.getFirst();
        assertThat(scaling.honest().testSize(), equalTo(scaling.leaky().testSize()));
    }
}
