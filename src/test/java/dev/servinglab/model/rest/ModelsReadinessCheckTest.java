package dev.servinglab.model.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.servinglab.model.service.ModelRegistries;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ModelsReadinessCheckTest {

    @Test
    void reportsDownWhileTheModelsTrainInsteadOfWaitingForThem() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            ModelsReadinessCheck check = new ModelsReadinessCheck(ModelRegistries.trainingUntil(release));
            // A check that waited for the training would never answer: the training goes on until released.
            HealthCheckResponse response = assertTimeoutPreemptively(Duration.ofSeconds(30), check::call);
            assertThat(response.getStatus(), equalTo(HealthCheckResponse.Status.DOWN));
            assertThat(response.getData().orElseThrow().get("status"), equalTo("training"));
        } finally {
            release.countDown();
        }
    }
}
