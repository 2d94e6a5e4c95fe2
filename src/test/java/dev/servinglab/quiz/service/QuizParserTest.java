package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuizParserTest {

    private final QuizParser parser = new QuizParser(
            Map.of(
                    "01-a",
                    new QuizParser.LessonOutline(
                            Set.of("stages", "shapes"), List.of("Name the stages", "Give shapes"))),
            new LivePlaceholders(Map.of("mlp", tree("{\"test\":{\"size\":30,\"accuracy\":0.9}}"))),
            new ContentYaml(Validation.buildDefaultValidatorFactory().getValidator()));

    static final String VALID = """
            title: "Self-check: stages"
            questions:
              - id: input-shape
                kind: single
                section: shapes
                objectives: [2]
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
                objectives: [1]
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
                objectives: [1, 2]
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
                9,
                "exactly one correct option");
        assertProblem("01-a.yaml", VALID.replace("id: which", "id: input-shape"), 15, "id 'input-shape' is used twice");
        assertProblem("01-a.yaml", VALID.replace("section: shapes", "section: nowhere"), 5, "section 'nowhere'");
        assertProblem(
                "01-a.yaml",
                VALID.replace("kind: multiple", "kind: essay"),
                16,
                "'kind' must be single, multiple or numeric, not 'essay'");
        assertProblem(
                "01-a.yaml",
                VALID.replace("answer_live: \"mlp test.size\"", "answer_live: \"mlp test.nothing\""),
                35,
                "names no number");
        assertProblem("01-a.yaml", VALID.replace("tolerance: 0", "tolerance: -1"), 36, "must not be negative");
        assertProblem(
                "01-a.yaml",
                VALID.replace("    prompt: \"Which", "    colour: red\n    prompt: \"Which"),
                19,
                "unknown quiz key 'colour'; the keys here are answer, answer_formula, answer_live, explanation, id, "
                        + "inputs, kind, live, objectives, options, prompt, section, tolerance, where");
        assertProblem(
                "01-a.yaml",
                VALID.replace("        explanation: \"No.\"\n", ""),
                27,
                "'explanation' must be a non-empty text");
        assertProblem("01-a.yaml", "title: [unclosed\n", 1, "not valid YAML");
    }

    @Test
    void namesTheLineOfQuotedKeysAndOfKindDependentProblems() {
        assertProblem(
                "01-a.yaml", VALID.replace("    section: shapes", "    \"section\": nowhere"), 5, "section 'nowhere'");
        assertProblem("01-a.yaml", VALID.replace("    tolerance: 0\n", ""), 30, "'tolerance' must be a number");
        assertProblem(
                "01-a.yaml",
                VALID.replace("    tolerance: 0\n", "    tolerance: 0\n    answer: 30\n"),
                30,
                "one of 'answer', 'answer_live' (a number of the running model) or 'answer_formula' (computed from its "
                        + "inputs), not several");
        assertProblem(
                "01-a.yaml",
                VALID.replace("    kind: multiple\n", "    kind: multiple\n    'tolerance': 1\n"),
                17,
                "'tolerance' belongs to numeric questions");
        assertProblem(
                "01-a.yaml",
                VALID.replace(
                        "correct: false\n        explanation: \"No.\"", "correct: maybe\n        explanation: \"No.\""),
                28,
                "'correct' must be true or false, not 'maybe'");
        assertProblem(
                "01-a.yaml",
                VALID.replace(
                        "      - text: \"100 × 4\"\n        correct: false\n"
                                + "        explanation: \"That is a batch.\"\n",
                        ""),
                9,
                "'options' must be a list of 2 to 6 options");
        assertProblem(
                "01-a.yaml",
                VALID.replace("        explanation: \"No.\"", "        explanation: \"No: {{live mlp test.nothing}}\""),
                29,
                "{{live mlp test.nothing}} names no value");
        assertProblem(
                "01-a.yaml",
                VALID.replace(
                        "kind: numeric",
                        "kind: numeric\n    options: [{text: a, correct: true, explanation: b},"
                                + " {text: c, correct: false, explanation: d}]"),
                32,
                "has no options");
    }

    static final String GENERATED = """
            title: "Self-check: generated"
            questions:
              - id: precision
                kind: numeric
                section: stages
                objectives: [1, 2]
                prompt: "TP {tp}, FP {fp}. Precision? (two decimals)"
                inputs:
                  tp: {min: 10, max: 90}
                  fp: {min: 1, max: 30, step: 0.5}
                where: "tp > fp"
                answer_formula: "tp / (tp + fp)"
                tolerance: 0.01
                explanation: "{tp} / {=tp + fp} = {=tp / (tp + fp)|2}"
              - id: verdict
                kind: single
                section: stages
                objectives: [1]
                prompt: "Is our accuracy of {{live mlp test.accuracy percent}} above 85 %?"
                live:
                  accuracy: "mlp test.accuracy"
                options:
                  - text: "Yes"
                    correct_if: "accuracy > 0.85"
                    explanation: "It is {{live mlp test.accuracy percent}}."
                  - text: "No"
                    correct_if: "accuracy <= 0.85"
                    explanation: "It is {{live mlp test.accuracy percent}}."
                  - text: "It cannot be told"
                    correct: false
                    explanation: "It can."
            """;

    @Test
    void aVariantDrawsOneProblemAndTheAnswerThatGoesWithIt() {
        Question q = parser.parse("01-a.yaml", GENERATED).questions().getFirst();
        Question.Problem problem = q.problem(1234);
        assertThat(q.problem(1234), equalTo(problem));
        Matcher numbers = Pattern.compile("TP (\\d+), FP ([0-9.]+)\\.").matcher(problem.prompt());
        assertThat(problem.prompt(), numbers.find(), equalTo(true));
        double tp = Double.parseDouble(numbers.group(1));
        double fp = Double.parseDouble(numbers.group(2));
        assertThat(problem.answer(), closeTo(tp / (tp + fp), 1e-12));
        assertThat(
                problem.explanation(),
                equalTo(numbers.group(1) + " / " + Parameters.plain(tp + fp) + " = "
                        + String.format(Locale.ROOT, "%.2f", tp / (tp + fp))));
        // A retry is a new problem; the same retry is the same problem for everyone.
        int next = Parameters.next(q.id(), 1234);
        assertThat(next, equalTo(Parameters.next(q.id(), 1234)));
        assertThat(q.problem(next).prompt(), not(equalTo(problem.prompt())));
        // Each variant meets the condition.
        for (int v = 0; v < 300; v++) {
            Matcher drawn = Pattern.compile("TP (\\d+), FP ([0-9.]+)\\.")
                    .matcher(q.problem(v).prompt());
            assertThat(drawn.find(), equalTo(true));
            assertThat(Double.parseDouble(drawn.group(1)) > Double.parseDouble(drawn.group(2)), equalTo(true));
        }
    }

    @Test
    void liveValuesDecideWhichOptionIsRight() {
        Question verdict = parser.parse("01-a.yaml", GENERATED).questions().get(1);
        // accuracy 0.9 in the live document: "Yes" is right, "No" is not.
        assertThat(verdict.options().stream().map(Question.Option::correct).toList(), contains(true, false, false));
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("correct_if: \"accuracy <= 0.85\"", "correct_if: \"accuracy > 0.5\""),
                23,
                "exactly one correct option; this one has 2 with the live values {accuracy=0.9}");
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("correct_if: \"accuracy > 0.85\"", "correct_if: \"acuracy > 0.85\""),
                24,
                "formula 'acuracy > 0.85' reads 'acuracy', which is neither an input nor a live value");
    }

    @Test
    void aGeneratedQuestionIsCheckedAtStartup() {
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("answer_formula: \"tp / (tp + fp)\"", "answer_formula: \"tp / (tp + fn)\""),
                12,
                "reads 'fn', which is neither an input nor a live value");
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("explanation: \"{tp} / ", "explanation: \"{tn} / "),
                14,
                "{tn} is not an input");
        assertProblem("01-a.yaml", GENERATED.replace("FP {fp}. ", ""), 7, "input 'fp' is not shown in the prompt");
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("where: \"tp > fp\"", "where: \"tp > 100\""),
                11,
                "no draw of 1000 meets the condition 'tp > 100'");
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("answer_formula: \"tp / (tp + fp)\"", "answer_formula: \"tp / (fp - fp)\""),
                12,
                "is not a finite number");
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("answer_formula: \"tp / (tp + fp)\"", "answer_formula: \"tp / (tp + \""),
                12,
                "the formula ends early");
        assertProblem(
                "01-a.yaml",
                GENERATED.replace("    answer_formula: \"tp / (tp + fp)\"\n", ""),
                3,
                "'answer_formula' (computed from its inputs), not none");
    }

    @Test
    void everyObjectiveIsTestedAndEveryReferenceIsOne() {
        assertProblem(
                "01-a.yaml",
                VALID.replace("objectives: [2]", "objectives: [3]"),
                6,
                "objective 3 is not in the lesson");
        assertProblem(
                "01-a.yaml",
                VALID.replace("objectives: [2]", "objectives: [1]").replace("objectives: [1, 2]", "objectives: [1]"),
                3,
                "the lesson's objective 2, \"Give shapes\", is tested by no question");
        assertProblem("01-a.yaml", VALID.replace("objectives: [2]", "objectives: []"), 6, "'objectives' must list");
        assertProblem("01-a.yaml", VALID.replace("objectives: [2]", "objectives: [0]"), 6, "must be from 1");
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
