package dev.servinglab.content;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveValueTest {

    private final Map<String, JsonNode> sources = Map.of(
            "mlp",
            tree("{\"test\":{\"accuracy\":0.8666,\"size\":30,\"per_class\":[{\"recall\":1.0},{\"recall\":0.7}]},"
                    + "\"history\":[{\"train_loss\":0.66},{\"train_loss\":0.04}],\"kind\":\"mlp\","
                    + "\"counts\":[1234567],\"tiny\":4.6e-6,\"zero\":0,\"total_duration_ns\":37416501}"));

    @Test
    void writesValuesInTheirFormat() {
        assertThat(render("mlp test.accuracy percent"), equalTo("86.7 %"));
        assertThat(render("mlp test.accuracy"), equalTo("0.87"));
        assertThat(render("mlp test.accuracy dp3"), equalTo("0.867"));
        assertThat(render("mlp test.size"), equalTo("30"));
        assertThat(render("mlp counts[0] int"), equalTo("1,234,567"));
        assertThat(render("mlp kind raw"), equalTo("mlp"));
        assertThat(render("mlp test.per_class[1].recall dp2"), equalTo("0.70"));
        assertThat(render("mlp total_duration_ns ms"), equalTo("37.417"));
    }

    @Test
    void aShareTooSmallForOneDecimalIsNotWrittenAsZero() {
        assertThat(render("mlp tiny percent"), equalTo("< 0.1 %"));
        assertThat(render("mlp zero percent"), equalTo("0.0 %"));
    }

    @Test
    void countsNegativeIndexesFromTheEnd() {
        assertThat(render("mlp history[-1].train_loss dp2"), equalTo("0.04"));
    }

    @Test
    void aMissingValueRendersNothing() {
        assertThat(render("mlp test.precision"), nullValue());
        assertThat(render("logreg test.accuracy"), nullValue());
        assertThat(render("mlp history[5].train_loss"), nullValue());
        assertThat(render("mlp test"), nullValue());
    }

    private String render(String spec) {
        return LiveValue.parse(spec, "01-a.md", 1).render(sources);
    }

    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
