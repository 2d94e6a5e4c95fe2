package dev.servinglab.lesson.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.TocEntry;
import jakarta.validation.Validation;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LessonParserTest {

    private final LessonParser parser = new LessonParser(
            Set.of("trace-lab", "latency-lab"),
            new ContentYaml(Validation.buildDefaultValidatorFactory().getValidator()));

    private static String lesson(String frontMatterExtra, String body) {
        return "---\n"
                + "title: Calling a model\n"
                + "summary: One request, four stages.\n"
                + "minutes: 10\n"
                + "objectives:\n"
                + "  - Name the four stages\n"
                + frontMatterExtra
                + "---\n"
                + body;
    }

    @Test
    void readsFrontMatterSectionsAndWidgets() {
        LessonSource source = parser.parse(
                "01-calling.md",
                lesson(
                        "widgets: [trace-lab]\n",
                        "Intro.\n\n## The four stages\n\nText {{live mlp test.accuracy percent}}.\n\n"
                                + "{{widget trace-lab}}\n\n"
                                + "### Parse\n\nMore.\n"));
        assertThat(source.slug(), equalTo("01-calling"));
        assertThat(source.number(), equalTo(1));
        assertThat(source.title(), equalTo("Calling a model"));
        assertThat(source.objectives(), contains("Name the four stages"));
        assertThat(source.headings().stream().map(TocEntry::id).toList(), contains("the-four-stages", "parse"));
        assertThat(
                source.parts().stream()
                        .map(p -> p.widget() == null ? "md@" + p.line() : p.widget())
                        .toList(),
                contains("md@9", "trace-lab", "md@16"));
    }

    @Test
    void namesTheFileAndLineOfEachProblem() {
        assertProblem("1-calling.md", lesson("widgets: []\n", "x\n"), 1, "named NN-slug.md");
        assertProblem("01-a.md", "no front matter\n", 1, "starts with front matter");
        assertProblem("01-a.md", lesson("widgets: []\ncolour: blue\n", "x\n"), 8, "unknown front matter key 'colour'");
        assertProblem(
                "01-a.md",
                lesson("widgets: []\n", "x\n").replace("minutes: 10", "minutes: soon"),
                4,
                "'minutes' must be a whole number");
        assertProblem(
                "01-a.md",
                lesson("widgets: []\n", "x\n").replace("title: Calling a model\n", ""),
                1,
                "'title' must be a non-empty text");
        assertProblem("01-a.md", lesson("widgets: [quiz-lab]\n", "x\n"), 7, "unknown widget 'quiz-lab'");
        assertProblem("01-a.md", lesson("widgets: []\n", "## A\n\n{{widget chart}}\n"), 11, "unknown widget 'chart'");
        assertProblem("01-a.md", lesson("widgets: [trace-lab]\n", "## A\n"), 7, "but the body places []");
        assertProblem("01-a.md", lesson("widgets: []\n", "## A\n\n# Big\n"), 11, "no level-1 heading");
        assertProblem("01-a.md", lesson("widgets: []\n", "Text {{live mlp}}\n"), 9, "{{live SOURCE PATH [FORMAT]}}");
        assertProblem("01-a.md", lesson("widgets: []\n", "\n{{live mlp test..x}}\n"), 10, "bad path");
        assertProblem(
                "01-a.md", lesson("widgets: []\n", "{{live mlp test.accuracy fancy}}\n"), 9, "unknown format 'fancy'");
        assertProblem("01-a.md", lesson("widgets: []\n", "{{quiz}}\n"), 9, "unknown directive");
        assertProblem("01-a.md", lesson("widgets: [\n", "x\n"), 7, "not valid YAML");
        assertProblem(
                "01-a.md",
                lesson("widgets: []\n", "## Accuracy {{live mlp test.accuracy percent}}\n"),
                9,
                "cannot stand in a heading");
        assertProblem(
                "01-a.md",
                lesson("widgets: []\n", "\nSee [the {{live mlp name raw}} card](/api/v1/models/mlp).\n"),
                10,
                "cannot stand in a link");
    }

    @Test
    void namesTheLineOfIndentedAndQuotedKeys() {
        String indented = """
                ---
                  "title": Calling a model
                  'summary': One request.
                  minutes: 500
                  objectives:
                    - Name the stages
                  widgets: []
                ---
                Text.
                """;
        assertProblem("01-a.md", indented, 4, "'minutes' must be a whole number from 1 to 240");
        assertProblem(
                "01-a.md",
                indented.replace("minutes: 500", "minutes: 5").replace("- Name the stages", "- Name\n    - \"\""),
                7,
                "'objectives[1]' must be a non-empty text");
        assertProblem(
                "01-a.md",
                indented.replace("minutes: 500", "minutes: 5").replace("  'summary'", "  'colour': blue\n  'summary'"),
                3,
                "unknown front matter key 'colour'; the keys are minutes, objectives, quiz, summary, title, widgets");
        assertProblem(
                "01-a.md",
                indented.replace("minutes: 500", "minutes: 5")
                        .replace("widgets: []", "widgets:\n    - trace-lab\n    - pie"),
                9,
                "unknown widget 'pie'");
        assertProblem(
                "01-a.md", indented.replace("minutes: 500", "minutes: 1.5"), 4, "'minutes' must be a whole number");
        assertProblem(
                "01-a.md",
                indented.replace("minutes: 500", "minutes: 5\n  \"title\": Again"),
                5,
                "Duplicate field 'title'");
    }

    @Test
    void aDirectiveInCodeIsCode() {
        LessonSource source = parser.parse(
                "01-a.md", lesson("widgets: []\n", "Write `{{quiz}}` or\n\n```\n{{live anything}}\n```\n"));
        assertThat(source.parts().size(), equalTo(1));
    }

    private void assertProblem(String file, String text, int line, String message) {
        ContentValidationException e = assertThrows(ContentValidationException.class, () -> parser.parse(file, text));
        assertThat(e.getMessage(), e.line(), equalTo(line));
        assertThat(e.getMessage(), containsString(message));
        assertThat(e.getMessage(), containsString(file + ":" + line + ": "));
    }
}
