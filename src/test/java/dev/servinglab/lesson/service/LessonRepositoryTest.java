package dev.servinglab.lesson.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LiveValues;
import dev.servinglab.lesson.LessonConfig;
import dev.servinglab.lesson.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LessonRepositoryTest {

    @Inject
    LiveValues live;

    @Inject
    Widgets widgets;

    @Inject
    Validator validator;

    @Test
    void instructorsCanServeTheirOwnFolder() throws IOException {
        Path folder = Files.createTempDirectory("lessons");
        Files.writeString(
                folder.resolve("01-welcome.md"),
                lesson(
                        "Welcome",
                        "## Hello\n\nOur MLP scores "
                                + "{{live mlp test.accuracy percent}}. Next: [more](02-more.md#details).\n"));
        Files.writeString(
                folder.resolve("02-more.md"),
                lesson("More", "## Details\n\n{{live example prediction.predicted_class raw}}\n"));
        LessonRepository repository = new LessonRepository(dir(folder), live, widgets, validator);
        assertThat(repository.lessons().stream().map(Lesson::title).toList(), equalTo(List.of("Welcome", "More")));
        LessonPosition welcome = repository.find("01-welcome").orElseThrow();
        assertThat(welcome.lesson().html(), containsString("href=\"/lessons/02-more#details\""));
        assertThat(welcome.previous(), nullValue());
        assertThat(welcome.next().slug(), equalTo("02-more"));
        LessonPosition more = repository.find("02-more").orElseThrow();
        assertThat(more.lesson().html(), containsString(">setosa</span>"));
        assertThat(more.previous().slug(), equalTo("01-welcome"));
        assertThat(more.next(), nullValue());
        assertThat(repository.find("03-none"), equalTo(Optional.empty()));
    }

    @Test
    void aBrokenLessonStopsTheAppNamingFileAndLine() throws IOException {
        Path folder = Files.createTempDirectory("lessons");
        Files.writeString(folder.resolve("01-welcome.md"), lesson("Welcome", "## Hello\n\nSee [gone](05-gone.md).\n"));
        ContentValidationException e = assertThrows(
                ContentValidationException.class,
                () -> new LessonRepository(dir(folder), live, widgets, validator).lessons());
        assertThat(e.getMessage(), containsString(folder.resolve("01-welcome.md") + ":11: broken link '05-gone.md'"));

        Files.writeString(
                folder.resolve("01-welcome.md"), lesson("Welcome", "## Hello\n\n{{live mlp test.nothing}}\n"));
        assertThat(
                assertThrows(
                                ContentValidationException.class,
                                () -> new LessonRepository(dir(folder), live, widgets, validator).lessons())
                        .getMessage(),
                containsString("01-welcome.md:11: {{live mlp test.nothing}} names no value"));
    }

    private static LessonConfig dir(Path folder) {
        return () -> Optional.of(folder.toString());
    }

    private static String lesson(String title, String body) {
        return "---\ntitle: " + title
                + "\nsummary: A test lesson.\nminutes: 5\nobjectives:\n  - Test\nwidgets: []\n---\n" + body;
    }
}
