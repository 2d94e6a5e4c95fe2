package dev.servinglab.model.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StratifiedSplitterTest {

    /** The first test and training rows of iris with seed 42, as the hand-written shuffle of earlier versions cut. */
    private static final double[] FIRST_TEST_ROW = {6.7, 3.0, 5.0, 1.7};

    private static final double[] FIRST_TRAIN_ROW = {7.4, 2.8, 6.1, 1.9};

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
                assertThat("row in two parts", seen, not(hasItem(sameInstance(row))));
                seen.add(row);
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
        assertThat(first.test().features(), equalTo(second.test().features()));
        assertThat(first.train().labels(), equalTo(second.train().labels()));
        assertThat(first.test().features(), not(equalTo(other.test().features())));
    }

    @Test
    void theSeedGivesTheSameSplitAsBefore() {
        // Pinned: the shuffles must stay what they were for the same seed, so every number of the lessons stays.
        Split split = StratifiedSplitter.split(iris, new StratifiedSplitter.Options(0.2, 0.2, 42));
        assertThat(split.test().features()[0], equalTo(FIRST_TEST_ROW));
        assertThat(split.train().features()[0], equalTo(FIRST_TRAIN_ROW));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 11, 12, 13, 50, 149})
    void theHeadKeepsExactlyTheRowsAskedSharedOutByClass(int rows) {
        Dataset kept = StratifiedSplitter.head(iris, rows);
        assertThat(kept.size(), equalTo(rows));
        for (int count : classCounts(kept)) {
            assertThat((double) count, closeTo(rows / 3.0, 0.9999));
        }
    }

    @Test
    void theHeadKeepsTheFirstRowsOfEveryClassInOrder() {
        Dataset kept = StratifiedSplitter.head(iris, 12);
        // iris.csv lists the classes one after another: the head takes the first four of each.
        assertThat(kept.features()[0], sameInstance(iris.features()[0]));
        assertThat(kept.features()[4], sameInstance(iris.features()[50]));
        assertThat(kept.features()[8], sameInstance(iris.features()[100]));
    }

    @Test
    void theHeadRefusesToDropAClass() {
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplitter.head(iris, 2));
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
