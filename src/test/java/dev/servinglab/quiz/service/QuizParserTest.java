package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import jakarta.validation.Validation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuizParserTest {

    private final QuizParser parser = new QuizParser(
            Map.of("01-a", Set.of("stages", "shapes")),
            new LivePlaceholders(Map.of("mlp", tree("{\"test\":{\"size\":30,\"accuracy\":0.9}}"))),
            new ContentYaml(Validation.buildDefaultValidatorFactory().getValidator()));

    static final String VALID = """
            title: "Self-check: stages"
            questions:
              - id: input-shape
                kind: single
                section: shapes
                prompt: "What shape does the input have?"
                options:
                  - text: "1 × 4"
                    correct: true
                    explanation: "One row, four features."
                  - text: "100 × 4"
                    correct: false
                    explanation: "That is a batch."
              - id: which
                kind: multiple
                section: stages
                prompt: "Which are stages?"
                options:
                  - text: "parse"
                    correct: true
                    explanation: "Yes."
                  - text: "scale"
                    correct: true
                    explanation: "Yes."
                  - text: "paint"
                    correct: false
                    explanation: "No."
              - id: test-size
                kind: numeric
                section: stages
                prompt: "Our MLP scored {{live mlp test.accuracy percent}}. How many test flowers?"
                answer_live: "mlp test.size"
                tolerance: 0
                explanation: "It is the size of the test split."
            """;

    @Test
    void readsEveryKindWithLiveValues() {
        Quiz quiz = parser.parse("01-a.yaml", VALID);
        assertThat(quiz.slug(), equalTo("01-a"));
        assertThat(quiz.questions().size(), equalTo(3));
        assertThat(quiz.questions().get(0).kind(), equalTo(Question.Kind.SINGLE));
        assertThat(quiz.questions().get(2).answer(), closeTo(30, 1e-12));
        assertThat(quiz.questions().get(2).prompt(), containsString("90.0 %"));
    }

    @Test
    void namesTheFileAndLineOfEachProblem() {
        assertProblem("09-z.yaml", VALID, 1, "no lesson 09-z.md");
        assertProblem(
                "01-a.yaml",
                VALID.replace(
                        "correct: false\n        explanation: \"That is a batch.\"",
                        "correct: true\n        explanation: \"That is a batch.\""),
                8,
                "exactly one correct option");
        assertProblem("01-a.yaml", VALID.replace("id: which", "id: input-shape"), 14, "id 'input-shape' is used twice");
        assertProblem("01-a.yaml", VALID.replace("section: shapes", "section: nowhere"), 5, "section 'nowhere'");
        assertProblem(
                "01-a.yaml",
                VALID.replace("kind: multiple", "kind: essay"),
                15,
                "'kind' must be single, multiple or numeric, not 'essay'");
        assertProblem(
                "01-a.yaml",
                VALID.replace("answer_live: \"mlp test.size\"", "answer_live: \"mlp test.nothing\""),
                32,
                "names no number");
        assertProblem("01-a.yaml", VALID.replace("tolerance: 0", "tolerance: -1"), 33, "must not be negative");
        assertProblem(
                "01-a.yaml",
                VALID.replace("    prompt: \"Which", "    colour: red\n    prompt: \"Which"),
                17,
                "unknown quiz key 'colour'; the keys here are answer, answer_live, explanation, id, kind, options, "
                        + "prompt, "
                        + "section, tolerance");
        assertProblem(
                "01-a.yaml",
                VALID.replace("        explanation: \"No.\"\n", ""),
                25,
                "'explanation' must be a non-empty text");
        assertProblem("01-a.yaml", "title: [unclosed\n", 1, "not valid YAML");
    }

    @Test
    void namesTheLineOfQuotedKeysAndOfKindDependentProblems() {
        assertProblem(
                "01-a.yaml", VALID.replace("    section: shapes", "    \"section\": nowhere"), 5, "section 'nowhere'");
        assertProblem("01-a.yaml", VALID.replace("    tolerance: 0\n", ""), 28, "'tolerance' must be a number");
        assertProblem(
                "01-a.yaml",
                VALID.replace("    tolerance: 0\n", "    tolerance: 0\n    answer: 30\n"),
                28,
                "either 'answer' or 'answer_live'");
        assertProblem(
                "01-a.yaml",
                VALID.replace("    kind: multiple\n", "    kind: multiple\n    'tolerance': 1\n"),
                16,
                "'tolerance' belongs to numeric questions");
        assertProblem(
                "01-a.yaml",
                VALID.replace(
                        "correct: false\n        explanation: \"No.\"", "correct: maybe\n        explanation: \"No.\""),
                26,
                "'correct' must be true or false, not 'maybe'");
        assertProblem(
                "01-a.yaml",
                VALID.replace(
                        "      - text: \"100 × 4\"\n        correct: false\n"
                                + "        explanation: \"That is a batch.\"\n",
                        ""),
                8,
                "'options' must be a list of 2 to 6 options");
        assertProblem(
                "01-a.yaml",
                VALID.replace("        explanation: \"No.\"", "        explanation: \"No: {{live mlp test.nothing}}\""),
                27,
                "{{live mlp test.nothing}} names no value");
        assertProblem(
                "01-a.yaml",
                VALID.replace(
                        "kind: numeric",
                        "kind: numeric\n    options: [{text: a, correct: true, explanation: b},"
                                + " {text: c, correct: false, explanation: d}]"),
                30,
                "has no options");
    }

    private void assertProblem(String file, String text, int line, String message) {
        ContentValidationException e = assertThrows(ContentValidationException.class, () -> parser.parse(file, text));
        assertThat(e.getMessage(), containsString(message));
        assertThat(e.getMessage(), e.line(), equalTo(line));
    }

    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
