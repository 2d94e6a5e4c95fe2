package dev.servinglab.evaluation.exercise.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.servinglab.evaluation.service.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExerciseAnswersTest {

    @Test
    void theBodyHasOneFieldPerMetricInTheEnumsOrder() {
        List<String> fields = Arrays.stream(ExerciseAnswers.class.getRecordComponents())
                .map(c -> c.getName())
                .filter(name -> !name.equals("others"))
                .toList();
        assertThat(fields, equalTo(Metric.keys()));
        ExerciseAnswers answers = new ExerciseAnswers("0.1", "0.2", "0.3", "0.4", null);
        assertThat(
                Metric.ALL.stream().map(answers::given).toList(),
                equalTo(List.of(Optional.of("0.1"), Optional.of("0.2"), Optional.of("0.3"), Optional.of("0.4"))));
        assertThat(answers.others(), equalTo(Map.of()));
    }

    @Test
    void anAnswerIsADecimalNumberOrUndefined() {
        Pattern answer = Pattern.compile(ExerciseAnswers.ANSWER, Pattern.CASE_INSENSITIVE);
        for (String good : List.of("0.42", " .5 ", "1", "1.", "-0.1", "4.2E-1", "undefined", " Undefined")) {
            assertThat(good, matchesPattern(answer));
        }
        for (String bad : List.of("", "high", "0,42", "NaN", "Infinity", "0x1p3", "1/2", "true")) {
            assertThat(bad, not(matchesPattern(answer)));
        }
        assertThat(ExerciseAnswers.value(" 0.42 "), equalTo(0.42));
        assertThat(ExerciseAnswers.value("UNDEFINED"), nullValue());
    }
}
