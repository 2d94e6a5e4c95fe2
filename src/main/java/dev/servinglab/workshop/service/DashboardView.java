package dev.servinglab.workshop.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows the class's state on the instructor's dashboard: who has joined, how far they are, how the class answered,
 * the class's training runs and its load test. Only the instructor sees it: it names learners.
 *
 * @param seq        the report number (per workshop, in commit order) up to which it holds every report: a report
 *                   acknowledged with this number or a lower one is in it
 * @param workshop   the workshop
 * @param learners   the learners, in the order they joined
 * @param lessons    per lesson in play, how many learners visited and completed it
 * @param questions  per quiz question of the lessons in play, how the class answered (first tries)
 * @param exercises  per exercise tried, how many solved it
 * @param trainings  the class's finished training runs, best validation loss first
 * @param load       every latency-lab run of the class, merged
 */
@Schema(name = "WorkshopDashboard")
public record DashboardView(
        long seq,
        WorkshopView workshop,
        List<LearnerRow> learners,
        List<LessonRow> lessons,
        List<QuestionRow> questions,
        List<ExerciseRow> exercises,
        List<TrainingRow> trainings,
        ClassLoad load) {

    /**
     * Holds one learner.
     *
     * @param nickname         as typed
     * @param joinedAt         when they joined
     * @param active           false once they left
     * @param lessonsCompleted lessons they marked completed
     * @param answered         questions they answered
     * @param right            questions they answered right at the first try
     */
    @Schema(name = "WorkshopLearner")
    public record LearnerRow(
            String nickname, Instant joinedAt, boolean active, int lessonsCompleted, int answered, int right) {}

    /** Holds how many learners visited and completed one lesson. */
    @Schema(name = "WorkshopLessonProgress")
    public record LessonRow(String lesson, String title, int visited, int completed) {}

    /**
     * Holds how the class answered one question at the first try.
     *
     * @param quiz            the quiz's slug
     * @param question        the question's id
     * @param prompt          the question
     * @param kind            single, multiple or numeric
     * @param answered        learners who answered it
     * @param right           of them, right at the first try
     * @param percentRight    right as a percentage of answered; null before any answer
     * @param options         per option, how many chose it (choice questions)
     * @param mostChosenWrong the wrong option (or number) chosen most often; null when nobody was wrong
     */
    @Schema(name = "WorkshopQuestion")
    public record QuestionRow(
            String quiz,
            String question,
            String prompt,
            String kind,
            int answered,
            int right,
            Double percentRight,
            List<OptionCount> options,
            WrongAnswer mostChosenWrong) {}

    /** Holds how many learners chose an option at the first try. */
    @Schema(name = "WorkshopOptionCount")
    public record OptionCount(int index, String text, boolean correct, int count) {}

    /** Holds the most common wrong answer: an option's text or a number, with how many gave it. */
    @Schema(name = "WorkshopWrongAnswer")
    public record WrongAnswer(String answer, int count) {}

    /**
     * Holds one exercise's results.
     *
     * @param exercise the exercise's id
     * @param learners learners who tried it
     * @param solved   of them, learners who solved it (at any try)
     * @param attempts every graded try
     */
    @Schema(name = "WorkshopExercise")
    public record ExerciseRow(String exercise, int learners, int solved, int attempts) {}

    /**
     * Holds one finished training run of the class.
     *
     * @param rank            its place, by validation loss
     * @param nickname        whose run it is
     * @param runId           the run, to open its curves
     * @param validationLoss  its lowest validation loss
     * @param testAccuracy    its kept model's test accuracy
     */
    @Schema(name = "WorkshopTraining")
    public record TrainingRow(
            int rank,
            String nickname,
            String runId,
            String dataset,
            Double validationLoss,
            Double testAccuracy,
            int epochs,
            String stop,
            Map<String, Object> hyperparameters) {}

    /**
     * Holds the class load test: every learner's latency-lab requests in one histogram.
     *
     * @param runs      latency-lab runs reported
     * @param requests  requests they sent
     * @param errors    of them, errors
     * @param p50Ms     the median, as the upper bound of its bucket; null before any run
     * @param p99Ms     the 99th percentile, likewise
     * @param histogram the merged histogram
     * @param timeline  the last minutes, slot by slot: throughput and percentiles of the runs that ended in each
     */
    @Schema(name = "WorkshopLoad")
    public record ClassLoad(
            int runs,
            long requests,
            long errors,
            Double p50Ms,
            Double p99Ms,
            List<LatencyBuckets.Bucket> histogram,
            List<LoadSlot> timeline) {}

    /**
     * Holds one slot of the load timeline.
     *
     * @param endsAt            the slot's end
     * @param requestsPerSecond the class's throughput in it
     * @param p50Ms             its median bucket bound; null for an empty slot
     * @param p99Ms             its 99th percentile bucket bound; null for an empty slot
     */
    @Schema(name = "WorkshopLoadSlot")
    public record LoadSlot(Instant endsAt, double requestsPerSecond, Double p50Ms, Double p99Ms) {}
}
