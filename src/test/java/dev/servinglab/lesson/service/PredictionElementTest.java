package dev.servinglab.lesson.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PredictionElementTest {

    private static final String WIDGET = "<section data-widget=\"trace-lab\"><input id=\"trace-skip\"></section>";

    private final LessonParser parser = new LessonParser(
            Set.of("trace-lab"),
            new ContentYaml(Validation.buildDefaultValidatorFactory().getValidator()));
    private final LessonRenderer renderer = new LessonRenderer();
    private final LivePlaceholders live = new LivePlaceholders(Map.of(
            "mlp", new ObjectMapper().createObjectNode().put("accuracy", 0.9).put("label", "versicolor")));

    /** The front matter takes 8 lines: the body starts on line 9. */
    private static String lesson(String body) {
        return "---\ntitle: T\nsummary: S.\nminutes: 5\nobjectives:\n  - O\nwidgets: [trace-lab]\n---\n" + body
                + "\n{{widget trace-lab}}\n";
    }

    private static final String SKIP_SCALING = """
            Before.

            {{predict skip-scaling choice}}
            Which species will the **model** say?

            - setosa
            - {{live mlp label raw}}
            {{reveal check=trace-skip}}
            It says {{live mlp label raw}}, with {{live mlp accuracy percent}}.
            {{/predict}}

            After.
            """;

    @Test
    void readsAChoicePredictionBetweenTheTextAroundIt() {
        LessonSource source = parser.parse("01-a.md", lesson(SKIP_SCALING));
        List<LessonSource.Part> parts = source.parts();
        assertThat(parts.size(), equalTo(4));
        PredictionSource prediction = parts.get(1).prediction();
        assertThat(prediction.id(), equalTo("skip-scaling"));
        assertThat(prediction.kind(), equalTo(PredictionSource.Kind.CHOICE));
        assertThat(prediction.check(), equalTo("trace-skip"));
        assertThat(prediction.line(), equalTo(11));
        assertThat(prediction.question().line(), equalTo(12));
        assertThat(prediction.reveal().line(), equalTo(17));
        assertThat(parts.get(2).markdown(), equalTo("\nAfter.\n\n"));
        assertThat(parts.get(2).line(), equalTo(19));
    }

    @Test
    void thePageHoldsTheQuestionAndAFormButNeverTheReveal() {
        Lesson lesson = render(SKIP_SCALING);
        String html = lesson.html();
        assertThat(
                html,
                containsString("<section class=\"predict\" id=\"predict-skip-scaling\" "
                        + "data-predict=\"skip-scaling\" data-kind=\"choice\">"));
        assertThat(html, containsString("<p>Which species will the <strong>model</strong> say?</p>"));
        assertThat(
                html,
                containsString("<form class=\"predict-form\" method=\"get\" "
                        + "action=\"/lessons/01-a/predictions/skip-scaling\">"));
        assertThat(
                html,
                containsString("<input type=\"radio\" name=\"prediction\" id=\"predict-skip-scaling-2\" value=\"2\" "
                        + "required=\"\" /><label for=\"predict-skip-scaling-2\"><span class=\"live\""));
        assertThat(html, not(containsString("It says")));
        assertThat(html, not(containsString("90.0 %")));
        assertThat(html, not(containsString("<li>setosa</li>")));
        assertThat(lesson.scripts(), hasItem("/js/lesson/predict.js"));
    }

    @Test
    void theRevealIsRenderedWithLiveValuesAndKeptBesideTheLesson() {
        Prediction prediction = render(SKIP_SCALING).prediction("skip-scaling").orElseThrow();
        assertThat(prediction.kind(), equalTo(PredictionSource.Kind.CHOICE));
        assertThat(
                prediction.choices().stream().map(Prediction.Choice::text).toList(), contains("setosa", "versicolor"));
        assertThat(prediction.revealHtml(), containsString("It says <span class=\"live\""));
        assertThat(prediction.revealHtml(), containsString(">90.0 %</span>"));
        assertThat(prediction.check(), equalTo("trace-skip"));
    }

    @Test
    void aNumberPredictionHasANumberFieldAndATextPredictionATextAreaOfLimitedSize() {
        Lesson lesson = render("""
                {{predict p99 number}}
                How many ms?
                {{reveal}}
                Twice as many.
                {{/predict}}

                {{predict own-call text}}
                Good enough?
                {{reveal}}
                A model answer.
                {{/predict}}
                """);
        assertThat(
                lesson.html(),
                containsString(
                        "<input type=\"number\" step=\"any\" name=\"prediction\" id=\"predict-p99-prediction\""));
        assertThat(lesson.html(), containsString("maxlength=\"300\""));
        assertThat(lesson.html(), containsString("Make your own call"));
        assertThat(lesson.prediction("p99").orElseThrow().check(), nullValue());
        assertThat(lesson.predictions().size(), equalTo(2));
    }

    @Test
    void aLessonWithoutPredictionsLoadsNoPredictionScript() {
        Lesson lesson = render("Just text.\n");
        assertThat(lesson.scripts(), not(hasItem("/js/lesson/predict.js")));
        assertThat(lesson.predictions().size(), equalTo(0));
    }

    @Test
    void namesTheLineOfEveryMalformedPrediction() {
        assertProblem("{{predict x}}\nQ\n{{reveal}}\nR\n{{/predict}}\n", 9, "{{predict ID choice|number|text}}");
        assertProblem("{{predict x maybe}}\nQ\n{{reveal}}\nR\n{{/predict}}\n", 9, "{{predict ID choice|number|text}}");
        assertProblem("{{predict x number}}\nQ\n{{reveal}}\nR\n", 9, "not closed by a line {{/predict}}");
        assertProblem("{{predict x number}}\nQ\nR\n{{/predict}}\n", 9, "has no {{reveal}} line");
        assertProblem("{{predict x number}}\nQ\n{{reveal}}\nR\n{{reveal}}\n{{/predict}}\n", 13, "one {{reveal}}");
        assertProblem("{{predict x number}}\n\n{{reveal}}\nR\n{{/predict}}\n", 10, "question is empty");
        assertProblem("{{predict x number}}\nQ\n{{reveal}}\n## R\n{{/predict}}\n", 12, "holds no heading");
        assertProblem("{{predict x choice}}\nQ\n{{reveal}}\nR\n{{/predict}}\n", 9, "ends with a bullet list");
        assertProblem("{{predict x choice}}\nQ\n\n- only\n{{reveal}}\nR\n{{/predict}}\n", 12, "at least two");
        assertProblem("{{predict x number}}\nQ\n{{reveal check=}}\nR\n{{/predict}}\n", 11, "{{reveal check=");
        assertProblem(
                "{{predict x number}}\nQ\n{{predict y number}}\n{{reveal}}\nR\n{{/predict}}\n",
                11,
                "cannot hold another");
        assertProblem("{{reveal}}\n", 9, "outside a prediction");
        assertProblem(
                "{{predict x number}}\nQ\n{{widget trace-lab}}\n{{reveal}}\nR\n{{/predict}}\n", 11, "holds no widget");
        assertProblem(
                "{{predict x number}}\nQ\n{{reveal}}\nR\n{{/predict}}\n{{predict x text}}\nQ\n{{reveal}}\nR\n"
                        + "{{/predict}}\n",
                14,
                "two predictions named 'x'");
        assertProblem("{{predict x number}}\nQ {{live mlp}}\n{{reveal}}\nR\n{{/predict}}\n", 10, "live");
    }

    @Test
    void aCheckMustNameAControlOfTheLessonsWidgets() {
        ContentValidationException e = assertThrows(
                ContentValidationException.class,
                () -> render("{{predict x number}}\nQ\n{{reveal check=trace-nothing}}\nR\n{{/predict}}\n"));
        assertThat(e.getMessage(), containsString("01-a.md:11: check=trace-nothing names no control"));
    }

    private Lesson render(String body) {
        return renderer.render(parser.parse("01-a.md", lesson(body)), live, Map.of("trace-lab", WIDGET), List.of());
    }

    private void assertProblem(String body, int line, String message) {
        ContentValidationException e =
                assertThrows(ContentValidationException.class, () -> parser.parse("01-a.md", lesson(body)));
        assertThat(e.getMessage(), containsString("01-a.md:" + line + ":"));
        assertThat(e.getMessage(), containsString(message));
    }
}
