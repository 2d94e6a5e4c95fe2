package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the tally's {@code seq}: the highest report number up to which it holds every report, whatever order the
 * reports of two instances come in.
 */
class ClassTallyTest {

    private static ClassEvent progress(long seq) {
        return new ClassEvent.ProgressReported(1, seq, 10 + seq, "lesson", "visited");
    }

    @Test
    void aReportThatComesAheadOfAnEarlierOneWaitsForIt() {
        ClassTally tally = new ClassTally();
        tally.loaded(List.of(progress(1)));

        tally.live(progress(3));
        assertThat(tally.seq(), equalTo(1L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(true));

        tally.live(progress(2));
        assertThat(tally.seq(), equalTo(3L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(false));
    }

    @Test
    void aReportFoldedTwiceCountsOnce() {
        ClassTally tally = new ClassTally();
        tally.live(progress(1));
        tally.loaded(List.of(progress(1), progress(2)));

        tally.live(progress(2));
        tally.live(progress(3));

        assertThat(tally.seq(), equalTo(3L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(false));
    }

    @Test
    void theDatabaseHistoryIsCompleteUpToItsHighestNumber() {
        ClassTally tally = new ClassTally();
        tally.live(progress(5));

        tally.loaded(List.of(progress(1), progress(4)));

        assertThat(tally.seq(), equalTo(5L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(false));
    }
}
