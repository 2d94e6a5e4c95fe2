package dev.servinglab.site;

import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.service.QuizRepository;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Loads and checks the lessons and quizzes as the app starts, beside the prediction API rather than before it:
 * the API is ready as soon as the models are, and the pages a moment later. Broken content stops the app, with
 * the file and line in the log.
 */
@ApplicationScoped
public class ContentPreloader {

    private static final Logger LOG = Logger.getLogger(ContentPreloader.class);

    void preload(@Observes StartupEvent event, LessonRepository lessons, QuizRepository quizzes) {
        Thread.ofPlatform().name("content-loading").start(() -> {
            try {
                lessons.lessons();
                quizzes.all();
            } catch (RuntimeException e) {
                LOG.errorf("Serving Lab cannot serve its lessons and quizzes, so it stops: %s", e.getMessage());
                Quarkus.asyncExit(1);
            }
        });
    }
}
