package dev.servinglab.workshop.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.quiz.service.Answer;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.workshop.data.ExerciseResult;
import dev.servinglab.workshop.data.LatencyRun;
import dev.servinglab.workshop.data.Learner;
import dev.servinglab.workshop.data.LessonProgress;
import dev.servinglab.workshop.data.QuizAnswer;
import dev.servinglab.workshop.data.TrainingResult;
import dev.servinglab.workshop.data.Workshop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes out a workshop's results for the instructor: CSV with one row per learner and question answered (their
 * first answer, whether it was right, when, and how many tries it took), and JSON with everything stored.
 */
@ApplicationScoped
public class WorkshopExport {

    /** The CSV's header row. */
    public static final List<String> CSV_COLUMNS =
            List.of("nickname", "quiz", "question", "answer", "correct", "answered_at", "attempts", "right_at_last");

    private static final String BY_WORKSHOP = "workshop.id = ?1 order by id";

    private final WorkshopService workshops;
    private final QuizRepository quizzes;
    private final ObjectMapper json;

    WorkshopExport(WorkshopService workshops, QuizRepository quizzes, ObjectMapper json) {
        this.workshops = workshops;
        this.quizzes = quizzes;
        this.json = json;
    }

    /** Writes the quiz answers as CSV (RFC 4180), one row per learner and question. */
    @Transactional
    public String csv(long workshopId) {
        StringBuilder csv = new StringBuilder();
        row(csv, CSV_COLUMNS);
        Map<String, List<QuizAnswer>> byLearnerAndQuestion = new LinkedHashMap<>();
        for (QuizAnswer answer : QuizAnswer.<QuizAnswer>list(BY_WORKSHOP, workshopId)) {
            String key = answer.learner.id + "\u0000" + answer.quiz + "\u0000" + answer.question;
            byLearnerAndQuestion.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
        }
        for (List<QuizAnswer> attempts : byLearnerAndQuestion.values()) {
            QuizAnswer first = attempts.getFirst();
            row(
                    csv,
                    List.of(
                            first.learner.nickname,
                            first.quiz,
                            first.question,
                            describe(first),
                            Boolean.toString(first.correct),
                            first.reportedAt.toString(),
                            Integer.toString(attempts.size()),
                            Boolean.toString(attempts.getLast().correct)));
        }
        return csv.toString();
    }

    /** Holds everything stored about a workshop, for the JSON export. */
    public record Everything(
            WorkshopView workshop,
            Instant exportedAt,
            List<Map<String, Object>> learners,
            List<Map<String, Object>> progress,
            List<Map<String, Object>> answers,
            List<Map<String, Object>> exercises,
            List<Map<String, Object>> trainings,
            List<Map<String, Object>> latencyRuns) {}

    /** Returns everything stored about a workshop. */
    @Transactional
    public Everything everything(long workshopId) {
        WorkshopView workshop = workshops.view(Workshop.findById(workshopId));
        List<Map<String, Object>> learners = new ArrayList<>();
        for (Learner l : Learner.<Learner>list(BY_WORKSHOP, workshopId)) {
            learners.add(ordered("nickname", l.nickname, "joined_at", l.joinedAt, "left_at", l.leftAt));
        }
        List<Map<String, Object>> progress = new ArrayList<>();
        for (LessonProgress p : LessonProgress.<LessonProgress>list(BY_WORKSHOP, workshopId)) {
            progress.add(
                    ordered("nickname", p.learner.nickname, "lesson", p.lesson, "state", p.state, "at", p.reportedAt));
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (QuizAnswer a : QuizAnswer.<QuizAnswer>list(BY_WORKSHOP, workshopId)) {
            answers.add(ordered(
                    "nickname",
                    a.learner.nickname,
                    "quiz",
                    a.quiz,
                    "question",
                    a.question,
                    "answer",
                    tree(a.answer),
                    "correct",
                    a.correct,
                    "at",
                    a.reportedAt));
        }
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (ExerciseResult e : ExerciseResult.<ExerciseResult>list(BY_WORKSHOP, workshopId)) {
            exercises.add(ordered(
                    "nickname", e.learner.nickname, "exercise", e.exercise, "solved", e.solved, "at", e.reportedAt));
        }
        List<Map<String, Object>> trainings = new ArrayList<>();
        for (TrainingResult t : TrainingResult.<TrainingResult>list(BY_WORKSHOP, workshopId)) {
            trainings.add(ordered(
                    "nickname",
                    t.learner.nickname,
                    "run_id",
                    t.runId,
                    "dataset",
                    t.dataset,
                    "hyperparameters",
                    tree(t.hyperparameters),
                    "epochs",
                    t.epochs,
                    "stop",
                    t.stop,
                    "validation_loss",
                    t.validationLoss,
                    "test_accuracy",
                    t.testAccuracy,
                    "curves",
                    tree(t.curves),
                    "at",
                    t.reportedAt));
        }
        List<Map<String, Object>> latencyRuns = new ArrayList<>();
        for (LatencyRun l : LatencyRun.<LatencyRun>list(BY_WORKSHOP, workshopId)) {
            latencyRuns.add(ordered(
                    "nickname",
                    l.learner.nickname,
                    "requests",
                    l.requests,
                    "errors",
                    l.errors,
                    "concurrency",
                    l.concurrency,
                    "seconds",
                    l.seconds,
                    "buckets",
                    tree(l.buckets),
                    "at",
                    l.reportedAt));
        }
        return new Everything(workshop, Instant.now(), learners, progress, answers, exercises, trainings, latencyRuns);
    }

    private String describe(QuizAnswer answer) {
        Answer parsed = json.convertValue(tree(answer.answer), Answer.class);
        return quizzes.find(answer.quiz)
                .flatMap(quiz -> quiz.question(answer.question))
                .map(question -> ClassTally.describe(question, parsed))
                .orElse(answer.answer);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is always the JSON it was written as", e);
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Quotes a cell as RFC 4180 asks, and disarms a cell a spreadsheet would run as a formula (a nickname such
     * as {@code =HYPERLINK(...)}) with a leading apostrophe, as OWASP advises.
     */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || text.startsWith("'")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
