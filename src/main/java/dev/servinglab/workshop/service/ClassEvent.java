package dev.servinglab.workshop.service;

import dev.servinglab.quiz.service.Answer;
import java.time.Instant;
import java.util.Map;

/**
 * Says what changed in a workshop: a learner joined or left, a report was stored, the instructor changed what
 * the class sees. Fired inside the transaction that stored it and delivered once it has committed, so the
 * dashboard never shows what could still be rolled back.
 */
public sealed interface ClassEvent {

    /** Returns the workshop's id. */
    long workshopId();

    /**
     * Returns the report's number in its workshop, in commit order (what the dashboard's {@code seq} counts); 0 for
     * an event that is not a report.
     */
    default long seq() {
        return 0;
    }

    /** Says a learner joined, rejoined or left. */
    record LearnerChanged(long workshopId, long learnerId, String nickname, Instant joinedAt, boolean active)
            implements ClassEvent {}

    /** Says a learner visited or completed a lesson. */
    record ProgressReported(long workshopId, long seq, long learnerId, String lesson, String state)
            implements ClassEvent {}

    /** Says a learner answered a quiz question, graded by the server. */
    record AnswerReported(
            long workshopId,
            long seq,
            long learnerId,
            String quiz,
            String question,
            Answer answer,
            boolean correct,
            Instant answeredAt)
            implements ClassEvent {}

    /** Says a learner tried an exercise. */
    record ExerciseReported(long workshopId, long seq, long learnerId, String exercise, boolean solved)
            implements ClassEvent {}

    /** Says a learner's training run finished, with what the server recorded of it. */
    record TrainingReported(
            long workshopId,
            long seq,
            long learnerId,
            String runId,
            String dataset,
            Map<String, Object> hyperparameters,
            int epochs,
            String stop,
            Double validationLoss,
            Double testAccuracy)
            implements ClassEvent {}

    /** Says a learner ran the latency lab. */
    record LatencyReported(
            long workshopId,
            long seq,
            long learnerId,
            int requests,
            int errors,
            double seconds,
            long[] buckets,
            Instant reportedAt)
            implements ClassEvent {}

    /** Says the instructor changed what the class sees: a release, a section to follow, a reveal, the close. */
    record WorkshopChanged(long workshopId) implements ClassEvent {}

    /** Says the workshop was deleted with all its data. */
    record WorkshopDeleted(long workshopId) implements ClassEvent {}
}
