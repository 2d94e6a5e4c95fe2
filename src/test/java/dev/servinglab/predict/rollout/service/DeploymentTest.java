package dev.servinglab.predict.rollout.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import org.junit.jupiter.api.Test;

class DeploymentTest {

    @Test
    void theSameRequestAlwaysFallsInTheSameBucket() {
        String body = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
        int bucket = Deployment.bucket(body);
        for (int i = 0; i < 10; i++) {
            assertThat(Deployment.bucket(body), equalTo(bucket));
        }
    }

    @Test
    void differentRequestsSpreadEvenlyOverTheBuckets() {
        // Bodies that differ in one digit, as a stream of flowers does: each tenth of the buckets gets its share.
        int[] tenths = new int[10];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            tenths[Deployment.bucket("{\"sepal_length\":" + (4 + i / 1000.0) + "}") / 10]++;
        }
        for (int count : tenths) {
            assertThat(count, allOf(greaterThan(n / 10 - 300), lessThan(n / 10 + 300)));
        }
    }
}
