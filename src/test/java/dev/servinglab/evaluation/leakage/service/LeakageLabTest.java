package dev.servinglab.evaluation.leakage.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import dev.servinglab.evaluation.service.LabSettings;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.service.LogisticTrainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakageLabTest {

    private final DatasetRepository datasets = new DatasetRepository();

    @Test
    void eachLeakShowsAVisibleEffectOnTheSameTestRows() {
        List<LeakageCase> cases =
                new LeakageLab(datasets, new LabSettings(42, new LogisticTrainer.Options(0.1, 1e-5, 500))).cases();
        assertThat(cases.size(), equalTo(2));
        for (LeakageCase leak : cases) {
            // The same test rows on both sides: the leak is the only difference.
            assertThat(
                    leak.name(), leak.leaky().testSize(), equalTo(leak.honest().testSize()));
        }
        // Target leakage: several points of accuracy. Duplicates: only the twinned test rows can gain, yet the
        // gain still shows in the page's two decimals.
        assertThat(gain(cases.getFirst()), greaterThan(0.03));
        assertThat(gain(cases.get(1)), greaterThan(0.005));
    }

    @Test
    void theMadeUpColumnFollowsTheLabelAsStatedAndTheTwinsLeaveTraining() {
        Dataset spam = datasets.load("spambase");
        Dataset reported = LeakageLab.withReports(spam, 42);
        int spamReported = 0;
        int spamRows = 0;
        for (int i = 0; i < spam.size(); i++) {
            double[] row = reported.features()[i];
            if (spam.labels()[i] == 1) {
                spamRows++;
                spamReported += (int) row[row.length - 1];
            }
        }
        assertThat((double) spamReported / spamRows, closeTo(LeakageLab.REPORTED_SPAM, 0.03));
        // datasets/README.md: 394 rows repeat the features of an earlier row, so some twins straddle any split.
        Split split = new LabSettings(42, new LogisticTrainer.Options(0.1, 1e-5, 500)).split(spam);
        assertThat(
                LeakageLab.withoutTwins(split.train(), split.test()).size(),
                lessThan(split.train().size()));
        assertThat(LeakageLab.withoutTwins(spam, spam).size(), equalTo(0));
    }

    private static double gain(LeakageCase leak) {
        return leak.leaky().metrics().get("accuracy") - leak.honest().metrics().get("accuracy");
    }
}
