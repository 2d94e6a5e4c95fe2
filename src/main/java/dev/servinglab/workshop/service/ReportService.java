package dev.servinglab.workshop.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.evaluation.exercise.service.Exercise;
import dev.servinglab.evaluation.exercise.service.ExerciseAnswers;
import dev.servinglab.evaluation.exercise.service.ExerciseGenerator;
import dev.servinglab.evaluation.exercise.service.ExerciseGrader;
import dev.servinglab.quiz.service.Answer;
import dev.servinglab.quiz.service.Feedback;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.quiz.service.QuizGrader;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.training.service.TrainingEpoch;
import dev.servinglab.training.service.TrainingRun;
import dev.servinglab.training.service.TrainingService;
import dev.servinglab.training.service.TrainingSummary;
import dev.servinglab.web.problem.ConflictException;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.ResourceNotFoundException;
import dev.servinglab.web.problem.TooManyRequestsException;
import dev.servinglab.workshop.WorkshopConfig;
import dev.servinglab.workshop.data.ExerciseResult;
import dev.servinglab.workshop.data.LatencyRun;
import dev.servinglab.workshop.data.Learner;
import dev.servinglab.workshop.data.LessonProgress;
import dev.servinglab.workshop.data.QuizAnswer;
import dev.servinglab.workshop.data.Report;
import dev.servinglab.workshop.data.TrainingResult;
import dev.servinglab.workshop.data.Workshop;
import dev.servinglab.workshop.service.WorkshopDirectory.LearnerRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Stores what a learner reports to their workshop: lesson progress, quiz answers, exercise attempts, finished
 * training runs and latency-lab runs. Whatever can be checked is taken from the server's own record, never from
 * the browser's word: answers and exercises are graded here, training runs are read from the training lab.
 * A report is acknowledged only once it is committed, in a batch with the others that came meanwhile
 * ({@link ReportWriter}).
 */
@ApplicationScoped
public class ReportService {

    private final LearnerService learners;
    private final WorkshopDirectory directory;
    private final QuizRepository quizzes;
    private final TrainingService trainings;
    private final ObjectMapper json;
    private final Event<ClassEvent> events;
    private final RateLimiter reports;
    private final ReportWriter writer;
    private final LessonSteps steps;
    private final int maxLatencies;

    ReportService(
            LearnerService learners,
            WorkshopDirectory directory,
            QuizRepository quizzes,
            TrainingService trainings,
            ObjectMapper json,
            Event<ClassEvent> events,
            ReportWriter writer,
            WorkshopConfig config,
            LessonSteps steps) {
        this.writer = writer;
        this.steps = steps;
        this.learners = learners;
        this.directory = directory;
        this.quizzes = quizzes;
        this.trainings = trainings;
        this.json = json;
        this.events = events;
        this.reports = new RateLimiter(config.reportsPerMinute());
        this.maxLatencies = config.maxLatencies();
    }

    /**
     * Acknowledges a stored report.
     *
     * @param seq      the report's number in its workshop: the dashboard includes it once its {@code seq} is at
     *                 least this
     * @param recorded false when the report added nothing (a lesson already visited, a run already reported)
     */
    @Schema(name = "WorkshopReportAck")
    public record Ack(long seq, boolean recorded) {}

    /**
     * Acknowledges a stored quiz answer with its grade, or says the grade is held back.
     *
     * @param seq      the report's number in its workshop
     * @param held     true when the instructor holds this quiz's answers back: no feedback yet
     * @param feedback the grade, as the quiz API gives it; null while held
     */
    @Schema(name = "WorkshopAnswerAck")
    public record AnswerAck(long seq, boolean held, Feedback feedback) {}

    /** Records that a learner visited or completed a lesson in play; a step already recorded is not again. */
    public Ack progress(String token, String lesson, String state) {
        LearnerRef learner = reporter(token);
        inPlay(learner, lesson, "lesson");
        if (!LearnerService.VISITED.equals(state) && !LearnerService.COMPLETED.equals(state)) {
            throw new InvalidInputException(
                    "state", "enum", "must be " + LearnerService.VISITED + " or " + LearnerService.COMPLETED);
        }
        if (!steps.claim(learner.workshopId(), learner.id(), lesson, state)) {
            return new Ack(0, false);
        }
        try {
            return once(() -> writer.storeReport(learner.workshopId(), number -> {
                LessonProgress progress = new LessonProgress();
                fill(progress, learner, number);
                progress.lesson = lesson;
                progress.state = state;
                progress.persist();
                events.fire(new ClassEvent.ProgressReported(learner.workshopId(), number, learner.id(), lesson, state));
                return new Ack(number, true);
            }));
        } catch (RuntimeException e) {
            steps.giveBack(learner.workshopId(), learner.id(), lesson, state);
            throw e;
        }
    }

    /** Grades and records a learner's answer to a question of a lesson in play. */
    public AnswerAck answer(String token, String quizSlug, String questionId, Answer answer) {
        LearnerRef learner = reporter(token);
        WorkshopView.LessonInPlay lesson = inPlay(learner, quizSlug, "quiz");
        Quiz quiz = quizzes.find(quizSlug)
                .orElseThrow(() -> new InvalidInputException("quiz", "enum", "must be a quiz of a lesson in play"));
        Question question = quiz.question(questionId)
                .orElseThrow(() -> new InvalidInputException("question", "enum", "must be a question of " + quizSlug));
        Feedback feedback = QuizGrader.grade(quiz, question, answer);
        String written = write(answer);
        long seq = writer.storeReport(learner.workshopId(), number -> {
            QuizAnswer row = new QuizAnswer();
            fill(row, learner, number);
            row.quiz = quizSlug;
            row.question = questionId;
            row.answer = written;
            row.correct = feedback.correct();
            row.persist();
            events.fire(new ClassEvent.AnswerReported(
                    learner.workshopId(),
                    number,
                    learner.id(),
                    quizSlug,
                    questionId,
                    answer,
                    row.correct,
                    row.reportedAt));
            return number;
        });
        boolean held = !lesson.answersReleased();
        return new AnswerAck(seq, held, held ? null : feedback);
    }

    /** Grades and records a learner's attempt at an exercise. */
    public Ack exercise(String token, String exerciseId, ExerciseAnswers answers) {
        LearnerRef learner = reporter(token);
        Exercise exercise = ExerciseGenerator.find(exerciseId)
                .orElseThrow(() -> new InvalidInputException("exercise", "exists", "must be an exercise's id"));
        boolean solved = ExerciseGrader.grade(exercise, answers).solved();
        return writer.storeReport(learner.workshopId(), number -> {
            ExerciseResult row = new ExerciseResult();
            fill(row, learner, number);
            row.exercise = exercise.id();
            row.solved = solved;
            row.persist();
            events.fire(new ClassEvent.ExerciseReported(
                    learner.workshopId(), number, learner.id(), row.exercise, row.solved));
            return new Ack(number, true);
        });
    }

    /** Records a learner's finished training run, as the training lab recorded it; a run reported twice once. */
    public Ack training(String token, String runId) {
        LearnerRef learner = reporter(token);
        TrainingRun run = trainings
                .find(runId)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "this server has no training run '" + runId + "' (runs live on the server that trained them)"));
        TrainingSummary summary = run.summary();
        if (summary == null) {
            throw new ConflictException("Run " + runId + " is still training: report it once it has finished.");
        }
        List<TrainingEpoch> history = run.history();
        Map<String, Object> hyperparameters = json.convertValue(run.options(), new TypeReference<>() {});
        String writtenHyperparameters = write(hyperparameters);
        String curves = write(history.stream().map(Curve::of).toList());
        Double validationLoss =
                history.stream().mapToDouble(TrainingEpoch::validationLoss).filter(Double::isFinite).min().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null);
        if (recorded(() -> TrainingResult.count("workshop.id = ?1 and runId = ?2", learner.workshopId(), runId))) {
            return new Ack(0, false);
        }
        return once(() -> writer.storeReport(learner.workshopId(), number -> {
            TrainingResult row = new TrainingResult();
            fill(row, learner, number);
            row.runId = runId;
            row.dataset = run.options().dataset();
            row.hyperparameters = writtenHyperparameters;
            row.epochs = summary.epochsRun();
            row.stop = summary.stop().keyword();
            row.validationLoss = validationLoss;
            row.testAccuracy = summary.test() == null ? null : summary.test().accuracy();
            row.curves = curves;
            row.persist();
            events.fire(new ClassEvent.TrainingReported(
                    learner.workshopId(),
                    number,
                    learner.id(),
                    runId,
                    row.dataset,
                    hyperparameters,
                    row.epochs,
                    row.stop,
                    row.validationLoss,
                    row.testAccuracy));
            return new Ack(number, true);
        }));
    }

    /** Holds one epoch of a reported run's curves. */
    record Curve(int epoch, double trainLoss, double validationLoss, double trainAccuracy, double validationAccuracy) {
        static Curve of(TrainingEpoch e) {
            return new Curve(e.epoch(), e.trainLoss(), e.validationLoss(), e.trainAccuracy(), e.validationAccuracy());
        }
    }

    /**
     * Records a learner's latency-lab run, counted into the class histogram's buckets.
     *
     * @param latenciesMs the latency of every answered request, in milliseconds
     */
    public Ack latency(String token, List<Double> latenciesMs, int errors, int concurrency, double seconds) {
        LearnerRef learner = reporter(token);
        if (latenciesMs.size() > maxLatencies) {
            throw new InvalidInputException(
                    "latencies_ms", "maxItems", "may hold at most " + maxLatencies + " latencies (one run)");
        }
        long[] buckets = LatencyBuckets.count(latenciesMs);
        String writtenBuckets = write(buckets);
        return writer.storeReport(learner.workshopId(), number -> {
            LatencyRun row = new LatencyRun();
            fill(row, learner, number);
            row.requests = latenciesMs.size() + errors;
            row.errors = errors;
            row.concurrency = concurrency;
            row.seconds = seconds;
            row.buckets = writtenBuckets;
            row.persist();
            events.fire(new ClassEvent.LatencyReported(
                    learner.workshopId(),
                    number,
                    learner.id(),
                    row.requests,
                    errors,
                    seconds,
                    buckets,
                    row.reportedAt));
            return new Ack(number, true);
        });
    }

    /** Asks whether a report was stored already, in a read of its own: the writer's batch must not query. */
    private static boolean recorded(LongSupplier count) {
        return QuarkusTransaction.joiningExisting().call(count::getAsLong) > 0;
    }

    /**
     * Stores a report that may be stored once only: when a twin sent at the same moment was stored first, the
     * database's unique constraint refuses this one, and it is acknowledged as not recorded.
     */
    private static Ack once(Supplier<Ack> store) {
        try {
            return store.get();
        } catch (RuntimeException e) {
            // The commit wraps the refusal in the transaction's own exceptions: look for it among the causes.
            if (UniqueViolations.in(e).isPresent()) {
                return new Ack(0, false);
            }
            throw e;
        }
    }

    private LearnerRef reporter(String token) {
        LearnerRef learner = learners.reporting(token);
        OptionalLong wait = reports.acquire(Long.toString(learner.id()));
        if (wait.isPresent()) {
            throw new TooManyRequestsException(
                    "Too many reports from you; try again in " + wait.getAsLong() + " s.", wait.getAsLong());
        }
        return learner;
    }

    private WorkshopView.LessonInPlay inPlay(LearnerRef learner, String lesson, String field) {
        WorkshopView.LessonInPlay inPlay = directory
                .workshop(learner.workshopId())
                .map(workshop -> workshop.lesson(lesson))
                .orElse(null);
        if (inPlay == null) {
            throw new InvalidInputException(field, "enum", "must be a lesson in play in your workshop");
        }
        return inPlay;
    }

    /**
     * Numbers a report and points it at its workshop and learner by reference: no query to load what is known
     * already.
     */
    private static void fill(Report report, LearnerRef learner, long number) {
        EntityManager entities = Report.getEntityManager();
        report.seq = number;
        report.workshop = entities.getReference(Workshop.class, learner.workshopId());
        report.learner = entities.getReference(Learner.class, learner.id());
        report.reportedAt = Instant.now();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report's own values are always JSON", e);
        }
    }
}
