package dev.servinglab.quiz.service;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.content.LiveValues;
import dev.servinglab.content.TocEntry;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.QuizConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads the quizzes from their folder and checks them against the lessons and the running model: every quiz
 * belongs to a lesson, every lesson's quiz exists, and every objective of a lesson is tested by a question of its
 * quiz. {@link dev.servinglab.site.ContentPreloader} loads
 * them as the app starts, and a problem stops the app with the file and line.
 */
@ApplicationScoped
public class QuizRepository {

    private static final Logger LOG = Logger.getLogger(QuizRepository.class);

    private final QuizConfig config;
    private final LessonRepository lessons;
    private final LiveValues live;
    private final ContentYaml yaml;
    private Map<String, Quiz> quizzes;

    QuizRepository(QuizConfig config, LessonRepository lessons, LiveValues live, Validator validator) {
        this.config = config;
        this.lessons = lessons;
        this.live = live;
        this.yaml = new ContentYaml(validator);
    }

    private synchronized Map<String, Quiz> quizzes() {
        if (quizzes == null) {
            quizzes = load();
        }
        return quizzes;
    }

    private Map<String, Quiz> load() {
        Path folder = Path.of(config.dir().orElse("quizzes")).toAbsolutePath().normalize();
        Map<String, QuizParser.LessonOutline> outlines = lessons.lessons().stream()
                .collect(Collectors.toMap(
                        Lesson::slug,
                        l -> new QuizParser.LessonOutline(
                                l.headings().stream().map(TocEntry::id).collect(Collectors.toSet()), l.objectives())));
        QuizParser parser = new QuizParser(outlines, new LivePlaceholders(live.sources()), yaml);
        Map<String, Quiz> loaded = new HashMap<>();
        for (Path file : files(folder)) {
            try {
                Quiz quiz = parser.parse(file.getFileName().toString(), Files.readString(file));
                loaded.put(quiz.slug(), quiz);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ContentValidationException e) {
                throw e.at(file.toString());
            }
        }
        for (Lesson lesson : lessons.lessons()) {
            if (lesson.quiz() != null && !loaded.containsKey(lesson.quiz())) {
                throw new ContentValidationException(
                        lessons.file(lesson).toString(),
                        1,
                        "the lesson's quiz '" + lesson.quiz() + "' is not in " + folder + " (" + lesson.quiz()
                                + ".yaml)");
            }
        }
        LOG.infof("%d quizzes from %s", loaded.size(), folder);
        return Map.copyOf(loaded);
    }

    /** Finds a quiz by its slug (its lesson's). */
    public Optional<Quiz> find(String slug) {
        return Optional.ofNullable(quizzes().get(slug));
    }

    /** Returns every quiz, in lesson order. */
    public List<Quiz> all() {
        return quizzes().values().stream()
                .sorted(Comparator.comparing(Quiz::slug))
                .toList();
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
