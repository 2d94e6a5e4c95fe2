package dev.servinglab.model.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSplitterTest {

    private final Dataset iris = new DatasetRepository().load("iris");

    @Test
    void keepsEveryClassShareInEveryPart() {
        Split split = StratifiedSplitter.split(iris, new StratifiedSplitter.Options(0.2, 0.2, 42));
        assertThat(classCounts(split.train()), equalTo(new int[] {30, 30, 30}));
        assertThat(classCounts(split.validation()), equalTo(new int[] {10, 10, 10}));
        assertThat(classCounts(split.test()), equalTo(new int[] {10, 10, 10}));
    }

    @Test
    void partsAreDisjointAndCoverTheData() {
        Split split = StratifiedSplitter.split(iris, new StratifiedSplitter.Options(0.2, 0.2, 42));
        Set<double[]> seen = new HashSet<>(); // identity: the split shares the rows of the data set
        for (Dataset part : new Dataset[] {split.train(), split.validation(), split.test()}) {
            for (double[] row : part.features()) {
                assertThat("row in two parts", seen.add(row), equalTo(true));
            }
        }
        assertThat(seen.size(), equalTo(150));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        StratifiedSplitter.Options options = new StratifiedSplitter.Options(0.2, 0.2, 42);
        Split first = StratifiedSplitter.split(iris, options);
        Split second = StratifiedSplitter.split(iris, options);
        Split other = StratifiedSplitter.split(iris, new StratifiedSplitter.Options(0.2, 0.2, 7));
        assertThat(Arrays.deepEquals(first.test().features(), second.test().features()), equalTo(true));
        assertThat(Arrays.equals(first.train().labels(), second.train().labels()), equalTo(true));
        assertThat(Arrays.deepEquals(first.test().features(), other.test().features()), not(equalTo(true)));
    }

    @Test
    void rejectsFractionsThatLeaveNoTrainingData() {
        assertThrows(IllegalArgumentException.class, () -> new StratifiedSplitter.Options(0.6, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new StratifiedSplitter.Options(0.2, 0, 1));
    }

    private static int[] classCounts(Dataset part) {
        int[] counts = new int[3];
        for (int label : part.labels()) {
            counts[label]++;
        }
        return counts;
    }
}
