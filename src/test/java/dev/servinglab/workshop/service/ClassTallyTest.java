package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.servinglab.quiz.service.Answer;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the tally's {@code seq} (the highest report number up to which it holds every report, whatever order the
 * reports of two instances come in) and the dashboard it builds from first answers and progress.
 */
class ClassTallyTest {

    private static ClassEvent progress(long seq) {
        return new ClassEvent.ProgressReported(1, seq, 10 + seq, "lesson", "visited");
    }

    @Test
    void aReportThatComesAheadOfAnEarlierOneWaitsForIt() {
        ClassTally tally = new ClassTally();
        tally.loaded(List.of(progress(1)));

        tally.live(progress(3));
        assertThat(tally.seq(), equalTo(1L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(true));

        tally.live(progress(2));
        assertThat(tally.seq(), equalTo(3L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(false));
    }

    @Test
    void aReportFoldedTwiceCountsOnce() {
        ClassTally tally = new ClassTally();
        tally.live(progress(1));
        tally.loaded(List.of(progress(1), progress(2)));

        tally.live(progress(2));
        tally.live(progress(3));

        assertThat(tally.seq(), equalTo(3L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(false));
    }

    @Test
    void theDatabaseHistoryIsCompleteUpToItsHighestNumber() {
        ClassTally tally = new ClassTally();
        tally.live(progress(5));

        tally.loaded(List.of(progress(1), progress(4)));

        assertThat(tally.seq(), equalTo(5L));
        assertThat(tally.missingLongerThan(Duration.ZERO), is(false));
    }

    @Test
    void theDashboardCountsFirstAnswersPerOptionAndNamesTheWrongAnswerChosenMost() {
        Question question = new Question(
                "q1",
                Question.Kind.MULTIPLE,
                null,
                List.of(),
                "Which two?",
                List.of(option("A", true), option("B", false), option("C", false), option("D", true)),
                null,
                0,
                null,
                null);
        ClassTally tally = new ClassTally();
        tally.loaded(List.of(
                learner(1, "Ana"),
                learner(2, "Bo"),
                learner(3, "Cy"),
                learner(4, "Di"),
                answer(1, 1, List.of(0, 3), true),
                answer(2, 2, List.of(2, 1), false),
                answer(3, 3, List.of(1, 2), false), // the same wrong answer as Bo's, in another order
                answer(4, 4, List.of(1), false),
                answer(5, 4, List.of(0, 3), true), // a second try: the dashboard counts first answers
                new ClassEvent.ProgressReported(1, 6, 1, "one", LearnerService.COMPLETED),
                new ClassEvent.ProgressReported(1, 7, 1, "two", LearnerService.COMPLETED),
                new ClassEvent.ProgressReported(1, 8, 2, "one", LearnerService.COMPLETED)));

        DashboardView view = tally.view(workshop(), List.of(new Quiz("quiz", "Quiz", List.of(question))), NOW);

        DashboardView.QuestionRow row = view.questions().getFirst();
        assertThat(row.answered(), equalTo(4));
        assertThat(row.right(), equalTo(1));
        assertThat(row.options().stream().map(DashboardView.OptionCount::count).toList(), contains(1, 3, 2, 1));
        assertThat(row.mostChosenWrong(), equalTo(new DashboardView.WrongAnswer("B + C", 2)));
        assertThat(
                view.learners().stream()
                        .map(DashboardView.LearnerRow::lessonsCompleted)
                        .toList(),
                contains(2, 1, 0, 0));
        assertThat(view.learners().stream().map(DashboardView.LearnerRow::right).toList(), contains(1, 0, 0, 0));
    }

    @Test
    void aTieBetweenWrongAnswersNamesTheOneGivenFirst() {
        Question question = new Question(
                "q1",
                Question.Kind.SINGLE,
                null,
                List.of(),
                "Which one?",
                List.of(option("A", true), option("B", false), option("C", false)),
                null,
                0,
                null,
                null);
        ClassTally tally = new ClassTally();
        tally.loaded(List.of(
                learner(1, "Ana"), learner(2, "Bo"), answer(1, 1, List.of(2), false), answer(2, 2, List.of(1), false)));

        DashboardView view = tally.view(workshop(), List.of(new Quiz("quiz", "Quiz", List.of(question))), NOW);

        assertThat(view.questions().getFirst().mostChosenWrong(), equalTo(new DashboardView.WrongAnswer("C", 1)));
    }

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static Question.Option option(String text, boolean correct) {
        return new Question.Option(text, correct, null);
    }

    private static ClassEvent learner(long id, String nickname) {
        return new ClassEvent.LearnerChanged(1, id, nickname, NOW, true);
    }

    private static ClassEvent answer(long seq, long learnerId, List<Integer> choices, boolean correct) {
        return new ClassEvent.AnswerReported(
                1, seq, learnerId, "quiz", "q1", new Answer(choices, null, null), correct, NOW);
    }

    private static WorkshopView workshop() {
        return new WorkshopView("KXP47R", "KXP-47R", "t", NOW, false, false, List.of(), null, null, false);
    }
}
