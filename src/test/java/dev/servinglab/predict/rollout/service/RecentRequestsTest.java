package dev.servinglab.predict.rollout.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecentRequestsTest {

    @Test
    void keepsTheLatestRequestsOldestFirstOnceTheRingWrapsAround() {
        RecentRequests ring = new RecentRequests(3, 2);
        for (int i = 1; i <= 5; i++) {
            ring.record(i * 1_000L, new double[] {i, 10 * i}, i % 3);
        }
        RecentRequests.Snapshot all = ring.all();
        assertThat(all.size(), equalTo(3));
        assertThat(all.everWritten(), equalTo(5L));
        assertThat(Arrays.toString(all.micros()), equalTo("[3, 4, 5]"));
        assertThat(Arrays.toString(all.feature(1)), equalTo("[30.0, 40.0, 50.0]"));
    }

    @Test
    void aRefusedRequestCountsButGivesNoMeasurements() {
        RecentRequests ring = new RecentRequests(4, 2);
        ring.record(1_000, new double[] {1, 2}, 0);
        ring.record(2_000, null, RecentRequests.REFUSED);
        RecentRequests.Snapshot all = ring.all();
        assertThat(all.size(), equalTo(2));
        assertThat(Arrays.toString(all.feature(0)), equalTo("[1.0]"));
    }

    @Test
    void aWindowOfTimeLeavesOutWhatCameBefore() {
        RecentRequests ring = new RecentRequests(4, 1);
        ring.record(1_000, new double[] {1}, 0);
        assertThat(ring.since(System.currentTimeMillis() + 60_000).size(), equalTo(0));
        assertThat(ring.since(System.currentTimeMillis() - 60_000).size(), equalTo(1));
    }
}
