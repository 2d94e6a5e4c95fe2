package dev.servinglab.evaluation.paradox.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.servinglab.evaluation.service.LabSettings;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.service.LogisticTrainer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParadoxLabTest {

    private final DatasetRepository datasets = new DatasetRepository();

    @Test
    void theDerivedDataSetHasTwoPercentPositivesFromASeededDraw() {
        Dataset spam = datasets.load("spambase");
        Dataset rare = ParadoxLab.derive(spam, 42);
        int positives = Arrays.stream(rare.labels()).sum();
        assertThat(rare.size(), equalTo(2788 + positives));
        assertThat(positives / (double) rare.size(), closeTo(0.02, 0.001));
        assertThat(ParadoxLab.derive(spam, 42).features(), equalTo(rare.features()));
        assertThat(ParadoxLab.derive(spam, 7).features(), not(equalTo(rare.features())));
    }

    @Test
    void alwaysNegativeIsAbout98PercentAccurateAndCatchesNothing() {
        ParadoxComparison result =
                new ParadoxLab(datasets, new LabSettings(42, new LogisticTrainer.Options(0.1, 1e-5, 500))).comparison();
        JudgedClassifier baseline = result.alwaysNegative();
        assertThat(baseline.metrics().get("accuracy"), closeTo(0.98, 0.005));
        assertThat(baseline.metrics().get("recall"), equalTo(0.0));
        assertThat(baseline.metrics().get("precision"), nullValue());
        assertThat(baseline.counts().tp() + baseline.counts().fn(), equalTo(result.testPositives()));
        assertThat(result.model().metrics().get("recall"), greaterThan(0.0));
        assertThat(result.model().counts().total(), equalTo(result.testSize()));
    }
}
