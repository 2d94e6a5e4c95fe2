package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Plays the strategies of a learner who reads nothing, only positions, against every quiz as many simulated
 * learners see it, and shows that they score near chance.
 *
 * <p>The bound: every learner sees each question's options in a uniformly random order of their own, so a
 * strategy that picks by position is right on a question exactly as often as a blind guess of the same shape:
 * 1 in n for a single-choice question with n options ("the first", "the last"), and for a multiple-choice
 * question with c right options of n, 1 in C(n, k) when it ticks k = c options and never otherwise. That exact
 * chance, averaged over a quiz's choice questions, is the expectation; over {@value #LEARNERS} learners the
 * mean score's standard error is at most 0.5 / √{@value #LEARNERS} ≈ 0.016, so a mean above chance +
 * {@value #SLACK} (more than three standard errors) would mean the order leaks the key. Numeric questions take no
 * position and are left out. The learners' keys are fixed, so the test is deterministic.
 */
@QuarkusTest
class QuizPositionStrategyTest {

    static final int LEARNERS = 1000;
    static final double SLACK = 0.05;

    /** What today's quizzes give a blind guesser at most; the old ones gave "A, then the first three" 88 %. */
    static final double NEAR_CHANCE = 0.35;

    @Inject
    QuizRepository quizzes;

    /** Picks options by their place on the page: the indexes shown, in order, and the question's kind. */
    record Strategy(String name, Function<QuizView.QuestionView, List<Integer>> pick) {}

    private static List<Strategy> strategies() {
        List<Strategy> all = new ArrayList<>();
        all.add(new Strategy(
                "always the first", q -> List.of(q.options().getFirst().index())));
        all.add(new Strategy(
                "always the last", q -> List.of(q.options().getLast().index())));
        for (int k = 2; k <= 6; k++) {
            int ticks = k;
            all.add(new Strategy(
                    "the first option, or tick the first " + k,
                    q -> q.multiple()
                            ? q.options().stream()
                                    .limit(ticks)
                                    .map(QuizView.OptionView::index)
                                    .toList()
                            : List.of(q.options().getFirst().index())));
        }
        return all;
    }

    @Test
    void positionStrategiesScoreNearChanceOnEveryQuiz() {
        for (Quiz quiz : quizzes.all()) {
            List<Question> choice = quiz.questions().stream()
                    .filter(q -> q.kind() != Question.Kind.NUMERIC)
                    .toList();
            List<Strategy> strategies = strategies();
            double[] total = new double[strategies.size()];
            for (int learner = 0; learner < LEARNERS; learner++) {
                QuizView view = QuizGrader.view(quiz, "learner-" + learner);
                for (int s = 0; s < strategies.size(); s++) {
                    int right = 0;
                    for (QuizView.QuestionView shown : view.questions()) {
                        if (shown.numeric()) {
                            continue;
                        }
                        Question q = quiz.question(shown.id()).orElseThrow();
                        Answer answer = new Answer(strategies.get(s).pick().apply(shown), null, null);
                        right += QuizGrader.grade(quiz, q, answer).correct() ? 1 : 0;
                    }
                    total[s] += (double) right / choice.size();
                }
            }
            for (int s = 0; s < strategies.size(); s++) {
                Strategy strategy = strategies.get(s);
                double chance = choice.stream()
                        .mapToDouble(q -> chance(q, strategy))
                        .average()
                        .orElse(0);
                double mean = total[s] / LEARNERS;
                String what = quiz.slug() + ", " + strategy.name() + ": mean " + mean + ", chance " + chance;
                assertThat(what, mean, lessThanOrEqualTo(chance + SLACK));
                assertThat(what, chance, lessThanOrEqualTo(NEAR_CHANCE));
            }
        }
    }

    @Test
    void theBestPositionStrategyOverAllQuizzesStaysNearChance() {
        // The review's "always A, tick the first three", over every choice question of the course.
        int questions = 0;
        double right = 0;
        for (Quiz quiz : quizzes.all()) {
            for (Question q : quiz.questions()) {
                if (q.kind() != Question.Kind.NUMERIC) {
                    questions++;
                    right += chance(q, strategies().get(3));
                }
            }
        }
        assertThat(right / questions, lessThanOrEqualTo(0.2));
    }

    @Test
    void theQuizFilesThemselvesGiveNothingAwayByPositionLengthOrCount() {
        List<Question> single = new ArrayList<>();
        List<Question> multiple = new ArrayList<>();
        for (Quiz quiz : quizzes.all()) {
            for (Question q : quiz.questions()) {
                if (q.kind() == Question.Kind.SINGLE) {
                    single.add(q);
                } else if (q.kind() == Question.Kind.MULTIPLE) {
                    multiple.add(q);
                }
            }
        }
        // A client without a key sees the file's order: no position may stand out there either.
        Map<Integer, Integer> rightAt = new LinkedHashMap<>();
        int longest = 0;
        for (Question q : single) {
            int at = IntStream.range(0, q.options().size())
                    .filter(i -> q.options().get(i).correct())
                    .findFirst()
                    .orElseThrow();
            rightAt.merge(at, 1, Integer::sum);
            Question.Option longestOption = q.options().stream()
                    .max(Comparator.comparingInt(o -> o.text().length()))
                    .orElseThrow();
            longest += longestOption.correct() ? 1 : 0;
        }
        for (int count : rightAt.values()) {
            assertThat("right single-choice options by place: " + rightAt, count, lessThanOrEqualTo(single.size() / 2));
        }
        // "Pick the longest" must do no better than about a blind guess among four.
        assertThat(
                "right option is the longest in " + longest + " of " + single.size(),
                (double) longest,
                lessThanOrEqualTo(single.size() * 0.3));
        // Multiple choice: how many options are right varies, from one to all of them.
        Set<String> shapes = new TreeSet<>();
        Set<Integer> rightCounts = new TreeSet<>();
        boolean someAllRight = false;
        for (Question q : multiple) {
            int right =
                    (int) q.options().stream().filter(Question.Option::correct).count();
            rightCounts.add(right);
            someAllRight |= right == q.options().size();
            shapes.add(right + "/" + q.options().size());
        }
        assertThat("right counts " + shapes, rightCounts, hasItems(1, 2, 3));
        assertThat("some question has every option right: " + shapes, someAllRight, is(true));
        assertThat(multiple.size(), greaterThanOrEqualTo(10));
    }

    /** Returns how often a strategy is right on a question whose options are shown in a uniformly random order. */
    private static double chance(Question q, Strategy strategy) {
        int n = q.options().size();
        int right = (int) q.options().stream().filter(Question.Option::correct).count();
        int ticks = ticks(q, strategy);
        return ticks == right ? 1.0 / binomial(n, right) : 0;
    }

    /** Returns how many options the strategy picks for a question, by playing it on the file's order. */
    private static int ticks(Question q, Strategy strategy) {
        List<QuizView.OptionView> options = IntStream.range(0, q.options().size())
                .mapToObj(i -> new QuizView.OptionView(i, q.options().get(i).text()))
                .toList();
        QuizView.QuestionView view = new QuizView.QuestionView(
                q.id(), q.kind().name().toLowerCase(Locale.ROOT), q.prompt(), options, null, "");
        return strategy.pick().apply(view).size();
    }

    private static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
