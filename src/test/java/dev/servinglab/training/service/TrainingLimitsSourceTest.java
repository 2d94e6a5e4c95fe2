package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.content.LiveValues;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingLimitsSourceTest {

    @Inject
    LiveValues live;

    @Test
    void lessonsCanQuoteTheTrainingLimitsAsConfigured() {
        JsonNode training = live.sources().get("training");
        assertThat(training.get("max_epochs").intValue(), equalTo(1500));
        assertThat(training.get("max_duration_s").intValue(), equalTo(120));
        assertThat(training.get("max_concurrent").intValue(), equalTo(2)); // %test.serving-lab.training.max-concurrent
        assertThat(training.get("max_promoted").intValue(), equalTo(3)); // %test.serving-lab.training.max-promoted
        assertThat(training.get("max_stored_models").intValue(), equalTo(5)); // %test...training.max-stored-models
        assertThat(training.get("page_pace_ms").intValue(), equalTo(60));
        assertThat(training.get("max_pace_ms").intValue(), equalTo(1000));
        assertThat(training.get("disconnect_grace_s").intValue(), equalTo(1));
    }
}
