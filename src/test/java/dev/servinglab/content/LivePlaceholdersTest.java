package dev.servinglab.content;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LivePlaceholdersTest {

    private final LivePlaceholders live = new LivePlaceholders(Map.of(
            "mlp", tree("{\"test\":{\"accuracy\":0.8666,\"size\":30},\"name\":\"mlp\"}"),
            "example", tree("{\"prediction\":{\"predicted_class\":\"setosa\"}}")));

    @Test
    void findsEveryDirectiveWhereItStands() {
        assertThat(
                LivePlaceholders.find("a {{live mlp test.size}} b {{quiz}} c {{ unclosed"),
                contains(
                        new LivePlaceholders.Found(2, 24, "live mlp test.size"),
                        new LivePlaceholders.Found(27, 35, "quiz")));
        assertThat(
                LivePlaceholders.leading("{{live mlp name}} rest"),
                equalTo(Optional.of(new LivePlaceholders.Found(0, 17, "live mlp name"))));
        assertThat(LivePlaceholders.leading("x {{live mlp name}}"), equalTo(Optional.empty()));
        assertThat(LivePlaceholders.leading("{{live mlp\nname}}"), equalTo(Optional.empty()));
    }

    @Test
    void fillsATextWithItsValues() {
        assertThat(
                live.fill(
                        "Our MLP scores {{live mlp test.accuracy percent}} on {{live mlp test.size}} flowers.", "q", 3),
                equalTo("Our MLP scores 86.7 % on 30 flowers."));
        assertThat(live.fill("No placeholder: LIVEVALUE0X {{ }", "q", 3), equalTo("No placeholder: LIVEVALUE0X {{ }"));
        assertThat(live.number(LiveValue.parse("mlp test.accuracy", "q", 3), "q", 3), closeTo(0.8666, 1e-12));
    }

    @Test
    void namesTheFileAndLineOfEveryProblem() {
        assertThat(
                problem(() -> live.fill("See {{quiz}}.", "01-a.yaml", 7)),
                containsString("01-a.yaml:7: unknown directive {{quiz}}: text holds live values"));
        assertThat(
                problem(() -> live.fill("{{live mlp}}", "01-a.yaml", 7)),
                containsString("01-a.yaml:7: write a live value as {{live SOURCE PATH [FORMAT]}}"));
        assertThat(
                problem(() -> live.fill("{{live}}", "01-a.yaml", 7)),
                containsString("01-a.yaml:7: write a live value as"));
        assertThat(
                problem(() -> live.fill("{{live mlp test.recall}}", "01-a.yaml", 8)),
                containsString("01-a.yaml:8: {{live mlp test.recall}} names no value: sources are example, mlp"));
        assertThat(
                problem(() -> live.number(LiveValue.parse("mlp name", "01-a.yaml", 9), "01-a.yaml", 9)),
                containsString("01-a.yaml:9: {{live mlp name}} names no number of the running model"));
    }

    private static String problem(Runnable reading) {
        return assertThrows(ContentValidationException.class, reading::run).getMessage();
    }

    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
