package dev.servinglab.predict.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.data.DatasetInfo;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictLimitsTest {

    @Test
    void publishesTheConfiguredLimitsForLessons() {
        PredictLimits limits = new PredictLimits(
                () -> 7,
                new MemorySize(BigInteger.valueOf(64 * 1024)),
                new DatasetInfo.Bounds(0, false, "must be greater than 0", 50, "must be at most 50"),
                new ObjectMapper());

        JsonNode document = limits.documents().get(PredictLimits.SOURCE);

        assertThat(document.get("max_batch_size").intValue(), equalTo(7));
        assertThat(document.get("max_body_kb").intValue(), equalTo(64));
        assertThat(document.get("max_measurement_cm").doubleValue(), equalTo(50.0));
        assertThat(
                document.properties().stream().map(Map.Entry::getKey).toList(),
                containsInAnyOrder("max_batch_size", "max_body_kb", "max_measurement_cm"));
        assertThat(limits.maxBatchSize(), equalTo(7));
        assertThat(limits.maxBodyBytes(), equalTo(65_536L));
    }
}
