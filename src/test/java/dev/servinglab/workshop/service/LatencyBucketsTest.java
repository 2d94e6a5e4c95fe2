package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void percentilesAreTheBoundOfTheBucketTheyFallIn() {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            latencies.add(0.8); // in the (0.75, 1] bucket
        }
        latencies.add(40.0); // in the (30, 50] bucket
        long[] counts = LatencyBuckets.count(latencies);
        assertThat(LatencyBuckets.percentile(counts, 50), equalTo(1.0));
        assertThat(LatencyBuckets.percentile(counts, 99), equalTo(1.0));
        assertThat(LatencyBuckets.percentile(counts, 100), equalTo(50.0));
    }

    @Test
    void noRequestsHaveNoPercentile() {
        assertThat(Double.isNaN(LatencyBuckets.percentile(new long[LatencyBuckets.COUNT], 50)), equalTo(true));
    }

    @Test
    void theLastBucketIsOpenEnded() {
        long[] counts = LatencyBuckets.count(List.of(60_000.0));
        List<LatencyBuckets.Bucket> buckets = LatencyBuckets.describe(counts);
        assertThat(buckets.getLast().count(), equalTo(1L));
        assertThat(buckets.getLast().toMs(), equalTo(null));
    }
}
