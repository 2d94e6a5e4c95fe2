package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
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
}
