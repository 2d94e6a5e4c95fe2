package dev.servinglab.model.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    @Test
    void isNotReadyWhileTheModelsTrain() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThat(ModelRegistries.trainingUntil(release).isReady(), is(false));
        } finally {
            release.countDown();
        }
    }
}
