package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GiveWayTest {

    private final AtomicLong served = new AtomicLong();
    private final GiveWay giveWay = new GiveWay(served::get);

    @Test
    void aQuietServerLetsTrainingRunAtFullSpeed() throws InterruptedException {
        Thread.sleep(5);
        assertThat(giveWay.pauseNanos(), equalTo(0L));
    }

    @Test
    void aBusyServerMakesTrainingPauseThreeTimesItsEpoch() throws InterruptedException {
        giveWay.resume();
        Thread.sleep(5); // an epoch of at least 5 ms, during which 1,000 predictions were served: 200,000 a second
        served.addAndGet(1_000);
        assertThat(giveWay.pauseNanos(), greaterThanOrEqualTo(3 * 5_000_000L));
        giveWay.resume();
        Thread.sleep(5); // then the predictions stop
        assertThat(giveWay.pauseNanos(), equalTo(0L));
    }
}
