package dev.servinglab.content;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentYamlTest {

    /** A document as content files have them: a list of records inside a record. */
    record Shelf(
            @NotBlank(message = "must be a non-empty text") String title,
            @NotEmpty List<@Valid Book> books) {}

    record Book(
            @NotBlank(message = "must be a non-empty text") String title,
            @PositiveOrZero Integer pageCount) {}

    private final ContentYaml yaml =
            new ContentYaml(Validation.buildDefaultValidatorFactory().getValidator());

    private static final String SHELF = """
            title: Classics
            books:
              - title: Emma
                page_count: 474
              -   "title": Persuasion
                  'page_count': 249
            """;

    @Test
    void bindsTheRecordAndKnowsTheLineOfEveryValue() {
        ContentYaml.Document<Shelf> shelf = yaml.read("shelf.yaml", "shelf", 0, SHELF, Shelf.class);
        assertThat(shelf.value().books().stream().map(Book::title).toList(), contains("Emma", "Persuasion"));
        assertThat(shelf.line("books", 1, "page_count"), equalTo(6));
        assertThat(shelf.line("books"), equalTo(3));
        assertThat(shelf.line("books", 1, "missing"), equalTo(5));
        assertThat(shelf.problem("too long", "books", 0).getMessage(), equalTo("shelf.yaml:3: too long"));
    }

    @Test
    void countsTheLinesBeforeTheYaml() {
        assertThat(yaml.read("a.md", "front matter", 1, SHELF, Shelf.class).line("books", 1), equalTo(6));
    }

    @Test
    void reportsEveryKindOfProblemAtItsLine() {
        assertProblem(SHELF.replace("249", "-1"), 6, "'page_count' must be greater than");
        assertProblem(SHELF.replace("249", "many"), 6, "'page_count' must be a whole number, not 'many'");
        assertProblem(
                SHELF.replace("\"title\": Persuasion", "\"title\": \" \""), 5, "'title' must be a non-empty text");
        assertProblem(
                SHELF.replace("'page_count'", "'pages'"),
                6,
                "unknown shelf key 'pages'; the keys here are page_count, title");
        assertProblem(SHELF.replace("title: Classics\n", ""), 1, "'title' must be a non-empty text");
        assertProblem(SHELF.replace("books:", "books: 3\nnothing:"), 2, "'books' must be a list");
        assertProblem(SHELF.replace("Emma", "[Emma"), 4, "not valid YAML: while parsing a flow sequence");
        assertProblem("- a\n- b\n", 1, "the shelf must be YAML keys and values");
        assertProblem("", 1, "the shelf must be YAML keys and values");
    }

    private void assertProblem(String text, int line, String message) {
        ContentValidationException e = assertThrows(
                ContentValidationException.class, () -> yaml.read("shelf.yaml", "shelf", 0, text, Shelf.class));
        assertThat(e.getMessage(), containsString("shelf.yaml:" + line + ": " + message));
    }
}
