package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PredictionBackoffTest {

    private static final long MILLISECOND = 1_000_000;

    private final AtomicLong served = new AtomicLong();
    private final AtomicLong now = new AtomicLong(1_000 * MILLISECOND);
    private final PredictionBackoff backoff = new PredictionBackoff(served::get, now::get);

    @Test
    void aQuietServerLetsTrainingRunAtFullSpeed() {
        now.addAndGet(5 * MILLISECOND);
        served.addAndGet(0); // 0 predictions a second
        assertThat(backoff.pauseNanos(), equalTo(0L));
    }

    @Test
    void aServerJustBelowTheBusyRateDoesNotSlowTrainingDown() {
        now.addAndGet(1_000 * MILLISECOND);
        served.addAndGet((long) PredictionBackoff.BUSY_RATE - 1);
        assertThat(backoff.pauseNanos(), equalTo(0L));
    }

    @Test
    void aBusyServerMakesTrainingPauseThreeTimesItsEpoch() {
        backoff.resume();
        now.addAndGet(
                5 * MILLISECOND); // an epoch of 5 ms, during which 1,000 predictions were served: 200,000 a second
        served.addAndGet(1_000);
        assertThat(backoff.pauseNanos(), equalTo(3 * 5 * MILLISECOND));
        now.addAndGet(15 * MILLISECOND); // the pause
        backoff.resume();
        now.addAndGet(5 * MILLISECOND); // then the predictions stop
        assertThat(backoff.pauseNanos(), equalTo(0L));
    }
}
