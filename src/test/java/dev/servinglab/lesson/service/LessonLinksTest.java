package dev.servinglab.lesson.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LessonLinksTest {

    private final LessonParser parser = new LessonParser(
            Set.of(), new ContentYaml(Validation.buildDefaultValidatorFactory().getValidator()));

    private final LessonSource first = parse(
            "01-a.md", "## Start here\n\nSee [next](02-b.md#the-end), [top](#start-here), [api](/q/swagger-ui).\n");
    private final LessonSource second =
            parse("02-b.md", "## The end\n\n[back](01-a.md), [Smile](https://haifengl.github.io/).\n");

    @Test
    void linksToLessonsSectionsAppPathsAndOtherSitesPass() {
        LessonLinks links = new LessonLinks(List.of(first, second));
        links.check(first);
        links.check(second);
        assertThat(first.links().size(), equalTo(3));
    }

    @Test
    void aLinkToNoLessonNamesItsLine() {
        LessonSource broken = parse("03-c.md", "## C\n\nText.\n\nSee [missing](04-d.md).\n");
        ContentValidationException e = assertThrows(
                ContentValidationException.class, () -> new LessonLinks(List.of(first, second, broken)).check(broken));
        assertThat(e.line(), equalTo(13));
        assertThat(e.getMessage(), containsString("03-c.md:13: broken link '04-d.md': link to another lesson as"));
    }

    @Test
    void aLinkToNoSectionNamesTheSection() {
        LessonSource badAnchor = parse("03-c.md", "## C\n\n[x](02-b.md#nowhere) and [y](#nothing)\n");
        LessonLinks links = new LessonLinks(List.of(first, second, badAnchor));
        ContentValidationException e = assertThrows(ContentValidationException.class, () -> links.check(badAnchor));
        assertThat(e.getMessage(), containsString("03-c.md:11: broken link '02-b.md#nowhere': 02-b.md has no section"));
        LessonSource self = parse("04-d.md", "## D\n\n[y](#nothing)\n");
        assertThat(
                assertThrows(ContentValidationException.class, () -> new LessonLinks(List.of(self)).check(self))
                        .getMessage(),
                containsString("04-d.md:11: broken link '#nothing': 04-d.md has no section #nothing"));
    }

    @Test
    void aLinkToAFileThatIsNotALessonIsBroken() {
        LessonSource other = parse("03-c.md", "## C\n\n[notes](notes.txt)\n");
        assertThat(
                assertThrows(ContentValidationException.class, () -> new LessonLinks(List.of(other)).check(other))
                        .getMessage(),
                containsString("broken link 'notes.txt'"));
    }

    private LessonSource parse(String file, String body) {
        return parser.parse(
                file, "---\ntitle: T\nsummary: S.\nminutes: 5\nobjectives:\n  - O\nwidgets: []\n---\n" + body);
    }
}
