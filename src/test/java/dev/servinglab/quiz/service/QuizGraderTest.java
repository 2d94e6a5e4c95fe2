package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuizGraderTest {

    private final Quiz quiz = new Quiz(
            "01-a",
            "Self-check",
            List.of(
                    new Question(
                            "shape",
                            Question.Kind.SINGLE,
                            "shapes",
                            List.of(1),
                            "Shape?",
                            List.of(
                                    new Question.Option("1 × 4", true, "One row."),
                                    new Question.Option("4 × 1", false, "Transposed.")),
                            null,
                            0,
                            null,
                            null),
                    new Question(
                            "stages",
                            Question.Kind.MULTIPLE,
                            "stages",
                            List.of(1),
                            "Stages?",
                            List.of(
                                    new Question.Option("parse", true, "A stage."),
                                    new Question.Option("scale", true, "A stage too."),
                                    new Question.Option("paint", false, "Not a stage.")),
                            null,
                            0,
                            null,
                            null),
                    new Question(
                            "precision",
                            Question.Kind.NUMERIC,
                            "formulas",
                            List.of(2),
                            "Precision?",
                            List.of(),
                            0.8,
                            0.01,
                            "40 / 50 = 0.80",
                            null)));

    @Test
    void gradesSingleChoiceAndExplainsOnlyTheChosenOption() {
        Feedback wrong = QuizGrader.grade(quiz, quiz.questions().get(0), new Answer(List.of(1), null, null));
        assertThat(wrong.correct(), equalTo(false));
        assertThat(wrong.chosen().stream().map(Feedback.Chosen::explanation).toList(), contains("Transposed."));
        assertThat(wrong.hint(), containsString("/lessons/01-a#shapes"));
        Feedback right = QuizGrader.grade(quiz, quiz.questions().get(0), new Answer(List.of(0), null, null));
        assertThat(right.correct(), equalTo(true));
    }

    @Test
    void multipleChoiceNeedsEveryRightOptionAndNoWrongOne() {
        Question stages = quiz.questions().get(1);
        assertThat(
                QuizGrader.grade(quiz, stages, new Answer(List.of(0), null, null))
                        .correct(),
                equalTo(false));
        assertThat(
                QuizGrader.grade(quiz, stages, new Answer(List.of(0, 1, 2), null, null))
                        .correct(),
                equalTo(false));
        // A wrong answer carries no verdict per option: ticking everything must not reveal the key.
        Feedback everything = QuizGrader.grade(quiz, stages, new Answer(List.of(0, 1, 2), null, null));
        assertThat(everything.chosen(), nullValue());
        assertThat(everything.hint(), containsString("Try again"));
        assertThat(
                QuizGrader.grade(quiz, stages, new Answer(List.of(1, 0), null, null))
                        .correct(),
                equalTo(true));
    }

    @Test
    void numericAnswersCountWithinTheToleranceAndTheSolutionComesOnlyWhenRight() {
        Question precision = quiz.questions().get(2);
        Feedback wrong = QuizGrader.grade(quiz, precision, new Answer(null, 0.75, null));
        assertThat(wrong.correct(), equalTo(false));
        assertThat(wrong.explanation(), nullValue());
        assertThat(wrong.hint(), not(containsString("0.8")));
        assertThat(
                QuizGrader.grade(quiz, precision, new Answer(null, 0.81, null)).correct(), equalTo(true));
        assertThat(
                QuizGrader.grade(quiz, precision, new Answer(null, 0.79, null)).explanation(),
                equalTo("40 / 50 = 0.80"));
        assertThat(
                QuizGrader.grade(quiz, precision, new Answer(null, 0.82, null)).correct(), equalTo(false));
    }

    @Test
    void answersThatDoNotFitTheQuestionAreRefusedNamingTheField() {
        assertThat(
                rule(() -> QuizGrader.grade(quiz, quiz.questions().get(0), new Answer(List.of(0, 1), null, null))),
                equalTo("choices max-items"));
        assertThat(
                rule(() -> QuizGrader.grade(quiz, quiz.questions().get(0), new Answer(List.of(7), null, null))),
                equalTo("choices range"));
        assertThat(
                rule(() -> QuizGrader.grade(quiz, quiz.questions().get(1), new Answer(List.of(), null, null))),
                equalTo("choices required"));
        assertThat(
                rule(() -> QuizGrader.grade(quiz, quiz.questions().get(2), new Answer(List.of(0), null, null))),
                equalTo("value required"));
    }

    @Test
    void theReviewComesOnlyOnceEveryQuestionIsAnswered() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> QuizGrader.review(quiz, Map.of("shape", new Answer(List.of(0), null, null))));
        assertThat(
                e.violations().stream().map(FieldViolation::field).toList(),
                contains("answers.stages", "answers.precision"));
        Review review = QuizGrader.review(
                quiz,
                Map.of(
                        "shape",
                        new Answer(List.of(1), null, null),
                        "stages",
                        new Answer(List.of(0, 1), null, null),
                        "precision",
                        new Answer(null, 0.8, null)));
        assertThat(review.score(), equalTo(2));
        assertThat(review.total(), equalTo(3));
        assertThat(review.questions().get(0).options().get(0).correct(), equalTo(true));
        assertThat(review.questions().get(0).options().get(1).chosen(), equalTo(true));
        assertThat(review.questions().get(2).explanation(), equalTo("40 / 50 = 0.80"));
    }

    private static String rule(Runnable grading) {
        InvalidInputException e = assertThrows(InvalidInputException.class, grading::run);
        return e.violations().getFirst().field() + " "
                + e.violations().getFirst().rule();
    }
}
