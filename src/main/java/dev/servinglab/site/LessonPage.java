package dev.servinglab.site;

import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.service.QuizGrader;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.quiz.service.QuizView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Serves the lesson pages: the home page listing every lesson, and one page per lesson.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LessonPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Lesson> lessons);

        static native TemplateInstance lesson(
                Lesson lesson, Lesson previous, Lesson next, List<Lesson> lessons, QuizView quiz);

        static native TemplateInstance notFound(String path, List<Lesson> lessons);
    }

    private final LessonRepository repository;
    private final QuizRepository quizzes;

    LessonPage(LessonRepository repository, QuizRepository quizzes) {
        this.repository = repository;
        this.quizzes = quizzes;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        return Templates.home(repository.lessons());
    }

    @GET
    @Path("/lessons/{slug}")
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> lesson(@PathParam("slug") String slug) {
        return repository
                .find(slug)
                .map(found -> RestResponse.ok(Templates.lesson(
                        found.lesson(), found.previous(), found.next(), repository.lessons(), quiz(found.lesson()))))
                .orElseGet(() -> RestResponse.status(
                        RestResponse.Status.NOT_FOUND, Templates.notFound("/lessons/" + slug, repository.lessons())));
    }

    private QuizView quiz(Lesson lesson) {
        return lesson.quiz() == null
                ? null
                : quizzes.find(lesson.quiz()).map(QuizGrader::view).orElse(null);
    }
}
