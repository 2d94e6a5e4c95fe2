package dev.servinglab.workshop.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.quiz.service.Answer;
import dev.servinglab.workshop.data.ExerciseResult;
import dev.servinglab.workshop.data.LatencyRun;
import dev.servinglab.workshop.data.Learner;
import dev.servinglab.workshop.data.LessonProgress;
import dev.servinglab.workshop.data.QuizAnswer;
import dev.servinglab.workshop.data.TrainingResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads everything a workshop's class has reported, as the events it was reported with: how a dashboard starts
 * after a restart, or on an instance that did not take the reports.
 */
@ApplicationScoped
public class ClassHistory {

    private static final String LEARNERS = "workshop.id = ?1 order by id";
    /** Reports in the order they committed, which is the order of their numbers. */
    private static final String REPORTS = "workshop.id = ?1 order by seq";

    private final ObjectMapper json;

    ClassHistory(ObjectMapper json) {
        this.json = json;
    }

    /** Returns the workshop's learners and reports as events, learners first, then reports in the order stored. */
    @Transactional
    public List<ClassEvent> events(long workshopId) {
        List<ClassEvent> events = new ArrayList<>();
        for (Learner learner : Learner.<Learner>list(LEARNERS, workshopId)) {
            events.add(LearnerService.changed(learner));
        }
        for (LessonProgress p : LessonProgress.<LessonProgress>list(REPORTS, workshopId)) {
            events.add(new ClassEvent.ProgressReported(workshopId, p.seq, p.learner.id, p.lesson, p.state));
        }
        for (QuizAnswer a : QuizAnswer.<QuizAnswer>list(REPORTS, workshopId)) {
            events.add(new ClassEvent.AnswerReported(
                    workshopId,
                    a.seq,
                    a.learner.id,
                    a.quiz,
                    a.question,
                    read(a.answer, Answer.class),
                    a.correct,
                    a.reportedAt));
        }
        for (ExerciseResult e : ExerciseResult.<ExerciseResult>list(REPORTS, workshopId)) {
            events.add(new ClassEvent.ExerciseReported(workshopId, e.seq, e.learner.id, e.exercise, e.solved));
        }
        for (TrainingResult t : TrainingResult.<TrainingResult>list(REPORTS, workshopId)) {
            events.add(new ClassEvent.TrainingReported(
                    workshopId,
                    t.seq,
                    t.learner.id,
                    t.runId,
                    t.dataset,
                    read(t.hyperparameters, new TypeReference<Map<String, Object>>() {}),
                    t.epochs,
                    t.stop,
                    t.validationLoss,
                    t.testAccuracy));
        }
        for (LatencyRun l : LatencyRun.<LatencyRun>list(REPORTS, workshopId)) {
            events.add(new ClassEvent.LatencyReported(
                    workshopId,
                    l.seq,
                    l.learner.id,
                    l.requests,
                    l.errors,
                    l.seconds,
                    read(l.buckets, long[].class),
                    l.reportedAt));
        }
        return events;
    }

    /** Returns the curves of a training run the class reported, as stored (JSON); null for an unknown run. */
    @Transactional
    public String curves(long workshopId, String runId) {
        TrainingResult result = TrainingResult.find("workshop.id = ?1 and runId = ?2", workshopId, runId)
                .firstResult();
        return result == null ? null : result.curves;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is always the JSON it was written as", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is always the JSON it was written as", e);
        }
    }
}
