package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.servinglab.workshop.data.Learner;
import dev.servinglab.workshop.data.Workshop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks that the warm-up plays its class against the app once it has started and leaves nothing behind: no
 * workshop, no learner.
 */
@QuarkusTest
@TestProfile(WorkshopWarmUpTest.WarmUpOn.class)
class WorkshopWarmUpTest {

    /** Turns the warm-up on, as it is outside tests. */
    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serving-lab.workshop.warm-up", "true");
        }
    }

    @Inject
    WorkshopWarmUp warmUp;

    @Test
    void theWarmUpClassReportsAndIsRemovedWithEverythingItStored() throws Exception {
        int reported = warmUp.finished().get(2, TimeUnit.MINUTES);
        assertThat(reported, greaterThan(0));
        long workshops = QuarkusTransaction.requiringNew().call(() -> Workshop.count("title", WorkshopWarmUp.TITLE));
        // The in-memory database outlives one test profile: count only the warm-up's own learners.
        long learners = QuarkusTransaction.requiringNew().call(() -> Learner.count("nickname like ?1", "warm-up %"));
        assertThat(workshops, equalTo(0L));
        assertThat(learners, equalTo(0L));
    }
}
