package dev.servinglab.predict.rollout.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void readsNothingBeforeTheFirstLatency() {
        assertThat(new LatencyHistogram().quantileMs(0.99), nullValue());
    }

    @Test
    void readsAQuantileAsTheUpperBoundOfItsBucket() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 98; i++) {
            histogram.record(40_000); // 40 µs: the bucket up to 50 µs
        }
        histogram.record(900_000); // 0.9 ms: up to 1 ms
        histogram.record(4_000_000); // 4 ms: up to 5 ms
        assertThat(histogram.quantileMs(0.5), equalTo(0.05));
        assertThat(histogram.quantileMs(0.99), equalTo(1.0));
        assertThat(histogram.quantileMs(1.0), equalTo(5.0));
    }

    @Test
    void readsTheOpenEndedBucketAsItsLowerBound() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(3_000_000_000L);
        assertThat(histogram.quantileMs(0.5), equalTo(1000.0));
    }
}
