package dev.servinglab.quiz.rest;

import dev.servinglab.quiz.service.QuizGrader;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.quiz.service.QuizView;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Knows which learner a quiz is shown to, so that each learner sees the options in an order of their own, the
 * same on every reload, and their own problems of the parametrised questions. The learner is a random key in a
 * first-party cookie, set with the first page that shows a quiz: it exists without JavaScript (the page is
 * rendered with it), in and out of a workshop, and identifies nobody. The lesson page's quiz reads it as
 * {@code inject:quizLearner}.
 */
@Named("quizLearner")
@ApplicationScoped
public class QuizLearner {

    /** The cookie holding the learner's key. */
    public static final String COOKIE = "serving-lab-quiz";

    /** Long enough to outlast a course: the order must not change between the lessons of one learner. */
    private static final Duration AGE = Duration.ofDays(400);

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final String ATTRIBUTE = QuizLearner.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentVertxRequest request;
    private final QuizRepository quizzes;

    QuizLearner(CurrentVertxRequest request, QuizRepository quizzes) {
        this.request = request;
        this.quizzes = quizzes;
    }

    /**
     * Returns the key of the learner the request comes from: their cookie's, or a new one that the response sets.
     * Returns {@code null} outside a request.
     */
    public String key() {
        if (!Arc.container().requestContext().isActive() || request.getCurrent() == null) {
            return null;
        }
        RoutingContext context = request.getCurrent();
        String known = context.get(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        String key = cookie != null && KEY.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
        if (key == null) {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            context.response()
                    .addCookie(Cookie.cookie(COOKIE, key)
                            .setPath("/")
                            .setHttpOnly(true)
                            .setSameSite(CookieSameSite.LAX)
                            .setMaxAge(AGE.toSeconds()));
        }
        context.put(ATTRIBUTE, key);
        return key;
    }

    /** Shows a quiz as the learner of the request sees it: their order of the options, their problems. */
    public QuizView view(String slug) {
        return quizzes.find(slug).map(quiz -> QuizGrader.view(quiz, key())).orElse(null);
    }
}
