package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LiveValues;
import dev.servinglab.lesson.service.LessonRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuizRepositoryTest {

    @Inject
    LessonRepository lessons;

    @Inject
    LiveValues live;

    @Inject
    Validator validator;

    @Test
    void aLessonWhoseQuizIsMissingStopsTheApp() throws IOException {
        Path empty = Files.createTempDirectory("quizzes");
        QuizRepository repository = new QuizRepository(() -> Optional.of(empty.toString()), lessons, live, validator);
        ContentValidationException e = assertThrows(ContentValidationException.class, repository::all);
        assertThat(e.getMessage(), containsString("01-what-happens-when-you-call-a-model-api.md:1: the lesson's quiz"));
    }

    @Test
    void aQuizWithoutALessonStopsTheAppNamingItsFile() throws IOException {
        Path folder = Files.createTempDirectory("quizzes");
        Files.copy(
                Path.of("quizzes/01-what-happens-when-you-call-a-model-api.yaml"),
                folder.resolve("99-no-such-lesson.yaml"));
        QuizRepository repository = new QuizRepository(() -> Optional.of(folder.toString()), lessons, live, validator);
        ContentValidationException e = assertThrows(ContentValidationException.class, repository::all);
        assertThat(e.getMessage(), containsString(folder.resolve("99-no-such-lesson.yaml") + ":1: no lesson"));
    }

    @Test
    void anObjectiveNoQuestionTestsStopsTheAppNamingIt() throws IOException {
        Path folder = Files.createTempDirectory("quizzes");
        try (var files = Files.list(Path.of("quizzes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path first = folder.resolve("01-what-happens-when-you-call-a-model-api.yaml");
        String text = Files.readString(first);
        assertThat("only one question tests objective 4", text.split("objectives: \\[4]", -1).length, equalTo(2));
        Files.writeString(first, text.replace("objectives: [4]", "objectives: [3]"));
        QuizRepository repository = new QuizRepository(() -> Optional.of(folder.toString()), lessons, live, validator);
        ContentValidationException e = assertThrows(ContentValidationException.class, repository::all);
        assertThat(
                e.getMessage(),
                containsString(first + ":3: the lesson's objective 4, \""
                        + lessons.find("01-what-happens-when-you-call-a-model-api")
                                .orElseThrow()
                                .lesson()
                                .objectives()
                                .get(3)
                        + "\", is tested by no question"));
        Files.writeString(first, text.replace("objectives: [4]", "objectives: [4, 9]"));
        e = assertThrows(ContentValidationException.class, repository::all);
        assertThat(
                e.getMessage(), containsString("objective 9 is not in the lesson, whose objectives are numbered 1 to"));
    }
}
