package dev.servinglab.lesson.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
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

class LessonRendererTest {

    private static final String REGION =
            "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table ";

    private final LessonParser parser = new LessonParser(
            Set.of("trace-lab"),
            new ContentYaml(Validation.buildDefaultValidatorFactory().getValidator()));
    private final LessonRenderer renderer = new LessonRenderer();
    private final LivePlaceholders live = new LivePlaceholders(Map.of(
            "mlp",
            new ObjectMapper().createObjectNode().put("name", "<mlp> & co").put("accuracy", 0.9)));

    @Test
    void writesLiveValuesInAMarkedSpanAndLeavesLookalikeTextAlone() {
        String html = render("""
                ## Scores

                LIVEVALUE0X is {{live mlp accuracy percent}}; LIVEVALUE1X is `{{live mlp accuracy}}`.

                Model {{live mlp name raw}}.
                """);
        assertThat(
                html,
                containsString("<p>LIVEVALUE0X is <span class=\"live\" title=\"Computed live by the running model\">"
                        + "90.0 %</span>; LIVEVALUE1X is <code>{{live mlp accuracy}}</code>.</p>"));
        assertThat(html, containsString(">&lt;mlp&gt; &amp; co</span>"));
        assertThat(html, containsString("<h2 id=\"scores\">Scores</h2>"));
    }

    @Test
    void putsEveryTableInANumberedScrollingRegion() {
        String html = render("""
                | a | b |
                |---|---|
                | 1 | {{live mlp accuracy dp2}} |

                {{widget trace-lab}}

                | c |
                |---|
                | 3 |
                """);
        assertThat(html, containsString(REGION + "1 (scrolls sideways)\"><table>\n<thead>\n<tr>\n<th>a</th>"));
        assertThat(
                html,
                containsString("<td><span class=\"live\" title=\"Computed live by the running model\">0.90</span>"));
        assertThat(html, containsString("</table></div>\n<section data-widget=\"trace-lab\">"));
        assertThat(html, containsString(REGION + "2 (scrolls sideways)\"><table>"));
        assertThat(html.split("<div class=\"table-scroll\"", -1).length, equalTo(3));
        assertThat(html.split("</table></div>", -1).length, equalTo(3));
    }

    @Test
    void everyCodeBlockIsANamedRegionKeyboardsCanReach() {
        String html = render("```\ncurl one\n```\n\ntext\n\n```json\n{}\n```\n");
        assertThat(
                html, containsString("<pre tabindex=\"0\" role=\"region\" aria-label=\"Code 1 (scrolls sideways)\">"));
        assertThat(
                html, containsString("<pre tabindex=\"0\" role=\"region\" aria-label=\"Code 2 (scrolls sideways)\">"));
    }

    @Test
    void rewritesLinksBetweenLessonsAndEscapesRawHtml() {
        String html = render("See [the API](02-the-api.md#calls) and <script>alert(1)</script>.\n");
        assertThat(html, containsString("href=\"/lessons/02-the-api#calls\">the API</a>"));
        assertThat(html, containsString("&lt;script&gt;"));
        assertThat(html, not(containsString("<script>")));
    }

    @Test
    void aLiveValueThatNamesNothingStopsWithItsLine() {
        ContentValidationException e =
                assertThrows(ContentValidationException.class, () -> render("Text.\n\nMore {{live mlp recall}}.\n"));
        assertThat(e.getMessage(), containsString("01-a.md:11: {{live mlp recall}} names no value"));
    }

    private String render(String body) {
        LessonSource source = parser.parse(
                "01-a.md",
                "---\ntitle: T\nsummary: S.\nminutes: 5\nobjectives:\n  - O\nwidgets: " + widgets(body) + "\n---\n"
                        + body);
        return renderer.render(
                        source, live, Map.of("trace-lab", "<section data-widget=\"trace-lab\"></section>"), List.of())
                .html();
    }

    private static String widgets(String body) {
        return body.contains("{{widget trace-lab}}") ? "[trace-lab]" : "[]";
    }
}
