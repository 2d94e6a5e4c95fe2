package dev.servinglab.site;

import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.lesson.service.PredictionReveal;
import dev.servinglab.lesson.service.Predictions;
import dev.servinglab.quiz.service.QuizGrader;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.quiz.service.QuizView;
import dev.servinglab.workshop.rest.WorkshopCookies;
import dev.servinglab.workshop.service.LearnerService;
import dev.servinglab.workshop.service.WorkshopView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
                Lesson lesson,
                Lesson previous,
                Lesson next,
                List<Lesson> lessons,
                QuizView quiz,
                LessonInWorkshop workshop,
                boolean projector);

        static native TemplateInstance notFound(String path, List<Lesson> lessons);

        static native TemplateInstance prediction(Lesson lesson, PredictionReveal reveal);
    }

    /**
     * Holds what a learner's workshop makes of a lesson: whether the instructor holds it back, and where its quiz
     * answers go.
     *
     * @param held        whether the lesson is in play but not released yet: the page says so instead of teaching
     * @param answers     where the quiz posts answers so that one request grades and records them; null outside a
     *                    workshop, when answers go to the quiz API
     * @param answersHeld whether the instructor holds the quiz's feedback back until they release it
     */
    public record LessonInWorkshop(boolean held, String answers, boolean answersHeld) {

        /** The lesson outside any workshop: nothing changes. */
        static final LessonInWorkshop NONE = new LessonInWorkshop(false, null, false);

        /** The path learners post quiz answers to in a workshop. */
        static final String ANSWERS = "/api/v1/me/answers";

        /** Returns what a learner's workshop makes of a lesson; NONE unless they take part and it is in play. */
        static LessonInWorkshop of(LearnerService.Me me, String slug) {
            if (me == null || !me.active() || me.workshop().closed()) {
                return NONE;
            }
            WorkshopView.LessonInPlay lesson = me.workshop().lesson(slug);
            if (lesson == null) {
                return NONE;
            }
            return new LessonInWorkshop(!lesson.released(), ANSWERS, !lesson.answersReleased());
        }
    }

    private final LessonRepository repository;
    private final QuizRepository quizzes;
    private final LearnerService learners;
    private final Predictions predictions;

    LessonPage(LessonRepository repository, QuizRepository quizzes, LearnerService learners, Predictions predictions) {
        this.repository = repository;
        this.quizzes = quizzes;
        this.learners = learners;
        this.predictions = predictions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        return Templates.home(repository.lessons());
    }

    @GET
    @Path("/lessons/{slug}")
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> lesson(
            @PathParam("slug") String slug,
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @QueryParam("view") String view) {
        return repository
                .find(slug)
                .map(found -> RestResponse.ok(Templates.lesson(
                        found.lesson(),
                        found.previous(),
                        found.next(),
                        repository.lessons(),
                        quiz(found.lesson()),
                        workshop(token, slug),
                        Lesson.PROJECTOR_VIEW.equals(view))))
                .orElseGet(() -> RestResponse.status(
                        RestResponse.Status.NOT_FOUND, Templates.notFound("/lessons/" + slug, repository.lessons())));
    }

    /**
     * Shows a committed prediction and its reveal: where a lesson's prediction form leads in a browser without
     * scripts (with scripts the lesson page shows the reveal in place). The address holds the prediction, so a
     * reload shows both again.
     */
    @GET
    @Path("/lessons/{slug}/predictions/{id}")
    @Operation(hidden = true)
    public TemplateInstance prediction(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @QueryParam(Predictions.PREDICTION) String prediction) {
        PredictionReveal reveal = predictions.reveal(slug, id, prediction);
        return Templates.prediction(repository.find(slug).orElseThrow().lesson(), reveal);
    }

    // Only a browser that holds a learner's cookie costs a look-up.
    private LessonInWorkshop workshop(String token, String slug) {
        if (token == null || token.isEmpty()) {
            return LessonInWorkshop.NONE;
        }
        return LessonInWorkshop.of(learners.find(token).orElse(null), slug);
    }

    private QuizView quiz(Lesson lesson) {
        return lesson.quiz() == null
                ? null
                : quizzes.find(lesson.quiz()).map(QuizGrader::view).orElse(null);
    }
}
