package dev.servinglab.quiz.service;

import dev.servinglab.content.Tolerance;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grades answers on the server, where the answer key stays.
 */
public final class QuizGrader {

    private QuizGrader() {}

    /**
     * Shows a quiz without its key.
     */
    public static QuizView view(Quiz quiz) {
        List<QuizView.QuestionView> questions = new ArrayList<>();
        for (Question q : quiz.questions()) {
            questions.add(new QuizView.QuestionView(
                    q.id(),
                    q.kind().name().toLowerCase(Locale.ROOT),
                    q.prompt(),
                    q.options().stream().map(Question.Option::text).toList(),
                    sectionPath(quiz, q)));
        }
        return new QuizView(quiz.slug(), quiz.title(), "/lessons/" + quiz.slug(), questions);
    }

    /**
     * Grades one answer.
     *
     * @throws InvalidInputException if the answer does not fit the question
     */
    public static Feedback grade(Quiz quiz, Question question, Answer answer) {
        if (question.kind() == Question.Kind.NUMERIC) {
            double value = number(answer, "");
            if (correct(question, value)) {
                return new Feedback(question.id(), true, null, question.explanation(), null);
            }
            return new Feedback(
                    question.id(),
                    false,
                    null,
                    null,
                    "Not quite. Review " + sectionPath(quiz, question) + " and try again; an answer within ±"
                            + question.tolerance() + " counts.");
        }
        Set<Integer> chosen = choices(question, answer, "");
        boolean right = correct(question, chosen);
        if (!right && question.kind() == Question.Kind.MULTIPLE) {
            // Verdicts per option would let a learner tick everything once and read the whole key.
            return new Feedback(
                    question.id(),
                    false,
                    null,
                    null,
                    "Not all right yet: choose every correct option and no other. Try again.");
        }
        List<Feedback.Chosen> feedback = new ArrayList<>();
        for (int index : chosen.stream().sorted().toList()) {
            Question.Option option = question.options().get(index);
            feedback.add(new Feedback.Chosen(index, option.text(), option.correct(), option.explanation()));
        }
        String hint = right ? null : "Not this one. Try again, or review " + sectionPath(quiz, question) + ".";
        return new Feedback(question.id(), right, feedback, null, hint);
    }

    /**
     * Reviews a quiz the learner has answered in full: the score, the key and every explanation.
     *
     * @throws InvalidInputException if a question has no answer, or an answer does not fit
     */
    public static Review review(Quiz quiz, Map<String, Answer> answers) {
        List<FieldViolation> missing = new ArrayList<>();
        for (Question q : quiz.questions()) {
            if (answers == null || answers.get(q.id()) == null) {
                missing.add(new FieldViolation(
                        "answers." + q.id(),
                        "required",
                        "is required: the review shows the answer key, so it comes after every question is answered"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        for (String id : answers.keySet()) {
            if (quiz.question(id).isEmpty()) {
                throw new InvalidInputException("answers." + id, "unknown-question", "is not a question of this quiz");
            }
        }
        int score = 0;
        List<Review.QuestionReview> reviews = new ArrayList<>();
        for (Question q : quiz.questions()) {
            Answer answer = answers.get(q.id());
            String field = "answers." + q.id();
            if (q.kind() == Question.Kind.NUMERIC) {
                double value = number(answer, field);
                boolean right = correct(q, value);
                score += right ? 1 : 0;
                reviews.add(new Review.QuestionReview(
                        q.id(),
                        q.prompt(),
                        right,
                        null,
                        q.answer(),
                        q.tolerance(),
                        value,
                        q.explanation(),
                        sectionPath(quiz, q)));
            } else {
                Set<Integer> chosen = choices(q, answer, field);
                boolean right = correct(q, chosen);
                score += right ? 1 : 0;
                List<Review.OptionReview> options = new ArrayList<>();
                for (int i = 0; i < q.options().size(); i++) {
                    Question.Option o = q.options().get(i);
                    options.add(new Review.OptionReview(o.text(), o.correct(), chosen.contains(i), o.explanation()));
                }
                reviews.add(new Review.QuestionReview(
                        q.id(), q.prompt(), right, options, null, null, null, null, sectionPath(quiz, q)));
            }
        }
        return new Review(score, quiz.questions().size(), reviews);
    }

    private static boolean correct(Question question, double value) {
        return Tolerance.within(value, question.answer(), question.tolerance());
    }

    private static boolean correct(Question question, Set<Integer> chosen) {
        for (int i = 0; i < question.options().size(); i++) {
            if (question.options().get(i).correct() != chosen.contains(i)) {
                return false;
            }
        }
        return true;
    }

    private static double number(Answer answer, String prefix) {
        String field = prefix.isEmpty() ? "value" : prefix + ".value";
        if (answer == null || answer.value() == null) {
            throw new InvalidInputException(field, "required", "is required: this question takes a number");
        }
        if (!Double.isFinite(answer.value())) {
            throw new InvalidInputException(field, "finite", "must be a finite number");
        }
        return answer.value();
    }

    private static Set<Integer> choices(Question question, Answer answer, String prefix) {
        String field = prefix.isEmpty() ? "choices" : prefix + ".choices";
        if (answer == null || answer.choices() == null || answer.choices().isEmpty()) {
            throw new InvalidInputException(field, "required", "is required: choose at least one option");
        }
        if (question.kind() == Question.Kind.SINGLE && answer.choices().size() != 1) {
            throw new InvalidInputException(
                    field, "max-items", "must hold exactly one option: this is a " + "single-choice question");
        }
        Set<Integer> chosen = new HashSet<>();
        for (Integer index : answer.choices()) {
            if (index == null || index < 0 || index >= question.options().size()) {
                throw new InvalidInputException(
                        field,
                        "range",
                        "must hold option indexes from 0 to "
                                + (question.options().size() - 1));
            }
            if (!chosen.add(index)) {
                throw new InvalidInputException(field, "unique", "must not name an option twice");
            }
        }
        return chosen;
    }

    private static String sectionPath(Quiz quiz, Question question) {
        return "/lessons/" + quiz.slug() + "#" + question.section();
    }
}
