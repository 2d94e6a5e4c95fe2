package dev.servinglab.quiz.service;

import dev.servinglab.content.Tolerance;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grades answers on the server, where the answer key stays.
 */
public final class QuizGrader {

    /** Enough for every question of a quiz, and a few unknown ones. */
    private static final int MAX_REPORTED = 50;

    private QuizGrader() {}

    /**
     * Shows a quiz without its key, in the file's order: what a client that sent no learner key sees.
     */
    public static QuizView view(Quiz quiz) {
        return view(quiz, null);
    }

    /**
     * Shows a quiz without its key, as one learner sees it: the options in their order, and their first problem of
     * every parametrised question.
     *
     * @param learnerKey the learner's key; {@code null} shows the options in the file's order and the first
     *                   variants of a learner without a key
     */
    public static QuizView view(Quiz quiz, String learnerKey) {
        List<QuizView.QuestionView> questions = new ArrayList<>();
        for (Question q : quiz.questions()) {
            Integer variant = q.parameters() == null
                    ? null
                    : Parameters.first(learnerKey == null ? "" : learnerKey, quiz.slug(), q.id());
            List<QuizView.OptionView> options =
                    Shuffle.order(learnerKey, quiz.slug(), q.id(), q.options().size()).stream()
                            .map(i -> new QuizView.OptionView(
                                    i, q.options().get(i).text()))
                            .toList();
            questions.add(new QuizView.QuestionView(
                    q.id(),
                    q.kind().name().toLowerCase(Locale.ROOT),
                    q.problem(variant).prompt(),
                    options,
                    variant,
                    sectionPath(quiz, q)));
        }
        return new QuizView(quiz.slug(), quiz.title(), "/lessons/" + quiz.slug(), questions);
    }

    /**
     * Grades one answer.
     *
     * @param answer an answer that meets its own constraints ({@link Answer})
     * @throws InvalidInputException if the answer does not fit the question
     */
    public static Feedback grade(Quiz quiz, Question question, Answer answer) {
        Violations violations = new Violations(MAX_REPORTED);
        if (question.kind() == Question.Kind.NUMERIC) {
            double value = number(answer, "", violations);
            Question.Problem problem = problem(question, answer, "", violations);
            violations.throwIfAny();
            if (correct(question, problem, value)) {
                return new Feedback(question.id(), true, null, problem.explanation(), null, null);
            }
            if (problem.variant() == null) {
                return new Feedback(
                        question.id(),
                        false,
                        null,
                        null,
                        "Not quite. Review " + sectionPath(quiz, question) + " and try again; an answer within ±"
                                + question.tolerance() + " counts.",
                        null);
            }
            // A retry is a new problem: a learner cannot home in on one answer by trial and error.
            int next = Parameters.next(question.id(), problem.variant());
            return new Feedback(
                    question.id(),
                    false,
                    null,
                    null,
                    "Not quite. Review " + sectionPath(quiz, question) + ", then try this new problem; an answer "
                            + "within ±" + question.tolerance() + " counts.",
                    new Feedback.Next(next, question.problem(next).prompt()));
        }
        Set<Integer> chosen = choices(question, answer, "", violations);
        violations.throwIfAny();
        boolean right = correct(question, chosen);
        if (!right && question.kind() == Question.Kind.MULTIPLE) {
            // Verdicts per option would let a learner tick everything once and read the whole key.
            return new Feedback(
                    question.id(),
                    false,
                    null,
                    null,
                    "Not all right yet: choose every correct option and no other. Try again.",
                    null);
        }
        List<Feedback.Chosen> feedback = new ArrayList<>();
        for (int index : chosen.stream().sorted().toList()) {
            Question.Option option = question.options().get(index);
            feedback.add(new Feedback.Chosen(index, option.text(), option.correct(), option.explanation()));
        }
        String hint = right ? null : "Not this one. Try again, or review " + sectionPath(quiz, question) + ".";
        return new Feedback(question.id(), right, feedback, null, hint, null);
    }

    /**
     * Reviews a quiz the learner has answered in full: the score, the key and every explanation.
     *
     * @param answers answers that meet their own constraints ({@link Answer}), by question id; {@code null} for none
     * @throws InvalidInputException naming every question without an answer, and every answer that does not fit
     */
    public static Review review(Quiz quiz, Map<String, Answer> answers) {
        Map<String, Answer> given = answers == null ? Map.of() : answers;
        Violations violations = new Violations(MAX_REPORTED);
        for (Question q : quiz.questions()) {
            if (given.get(q.id()) == null) {
                violations.add(
                        "answers." + q.id(),
                        "required",
                        "is required: the review shows the answer key, so it comes after every question is answered");
            }
        }
        for (String id : given.keySet()) {
            if (quiz.question(id).isEmpty()) {
                violations.add("answers." + id, "unknown-question", "is not a question of this quiz");
            }
        }
        violations.throwIfAny();
        List<Review.QuestionReview> reviews = new ArrayList<>();
        for (Question q : quiz.questions()) {
            reviews.add(review(quiz, q, given.get(q.id()), violations));
        }
        violations.throwIfAny();
        int score =
                (int) reviews.stream().filter(Review.QuestionReview::correct).count();
        return new Review(score, quiz.questions().size(), reviews);
    }

    private static Review.QuestionReview review(Quiz quiz, Question q, Answer answer, Violations violations) {
        String field = "answers." + q.id();
        if (q.kind() == Question.Kind.NUMERIC) {
            double value = number(answer, field, violations);
            Question.Problem problem = problem(q, answer, field, violations);
            if (problem == null) {
                return null;
            }
            return new Review.QuestionReview(
                    q.id(),
                    problem.prompt(),
                    correct(q, problem, value),
                    null,
                    problem.answer(),
                    q.tolerance(),
                    value,
                    problem.variant(),
                    problem.explanation(),
                    sectionPath(quiz, q));
        }
        Set<Integer> chosen = choices(q, answer, field, violations);
        List<Review.OptionReview> options = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            Question.Option o = q.options().get(i);
            options.add(new Review.OptionReview(o.text(), o.correct(), chosen.contains(i), o.explanation()));
        }
        return new Review.QuestionReview(
                q.id(), q.prompt(), correct(q, chosen), options, null, null, null, null, null, sectionPath(quiz, q));
    }

    private static boolean correct(Question question, Question.Problem problem, double value) {
        return !Double.isNaN(value) && Tolerance.within(value, problem.answer(), question.tolerance());
    }

    /** Returns the problem the answer's variant names, or null after recording why it names none. */
    private static Question.Problem problem(Question question, Answer answer, String prefix, Violations violations) {
        String field = prefix.isEmpty() ? "variant" : prefix + ".variant";
        if (question.parameters() == null) {
            if (answer.variant() != null) {
                violations.add(field, "unexpected", "must be left out: this question's numbers do not vary");
                return null;
            }
            return question.problem(null);
        }
        if (answer.variant() == null) {
            violations.add(
                    field, "required", "is required: this question's numbers vary, send the variant the quiz gave");
            return null;
        }
        return question.problem(answer.variant());
    }

    private static boolean correct(Question question, Set<Integer> chosen) {
        for (int i = 0; i < question.options().size(); i++) {
            if (question.options().get(i).correct() != chosen.contains(i)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the number answered, or NaN after recording why there is none. */
    private static double number(Answer answer, String prefix, Violations violations) {
        String field = prefix.isEmpty() ? "value" : prefix + ".value";
        if (answer.value() == null) {
            violations.add(field, "required", "is required: this question takes a number");
            return Double.NaN;
        }
        if (!Double.isFinite(answer.value())) {
            violations.add(field, "finite", "must be a finite number");
            return Double.NaN;
        }
        return answer.value();
    }

    /** Returns the options chosen, or none after recording why they do not fit the question. */
    private static Set<Integer> choices(Question question, Answer answer, String prefix, Violations violations) {
        String field = prefix.isEmpty() ? "choices" : prefix + ".choices";
        List<Integer> choices = answer.choices();
        if (choices == null || choices.isEmpty()) {
            violations.add(field, "required", "is required: choose at least one option");
            return Set.of();
        }
        if (question.kind() == Question.Kind.SINGLE && choices.size() != 1) {
            violations.add(field, "max-items", "must hold exactly one option: this is a single-choice question");
            return Set.of();
        }
        if (choices.stream().anyMatch(index -> index >= question.options().size())) {
            violations.add(
                    field,
                    "range",
                    "must hold option indexes from 0 to " + (question.options().size() - 1));
            return Set.of();
        }
        return Set.copyOf(choices);
    }

    private static String sectionPath(Quiz quiz, Question question) {
        return "/lessons/" + quiz.slug() + "#" + question.section();
    }
}
