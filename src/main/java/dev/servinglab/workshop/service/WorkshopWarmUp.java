package dev.servinglab.workshop.service;

import dev.servinglab.quiz.service.Answer;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.workshop.WorkshopConfig;
import dev.servinglab.workshop.data.Workshop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Plays a small class against the app once it has started: a workshop, learners joining and reporting progress,
 * answers and latency runs, the dashboard read, then the workshop deleted with all of it. The first real class
 * joins all at once; without this, its first seconds ran the join and report paths in the interpreter while the
 * JIT compiled them, and reports then waited seconds instead of milliseconds. Nothing is kept, and a warm-up cut
 * short (the app stopped meanwhile) is removed at the next start.
 */
@ApplicationScoped
class WorkshopWarmUp {

    /** The title that marks the warm-up's workshop, so that one left behind can be found and removed. */
    static final String TITLE = "Serving Lab warm-up (removed at once)";

    private static final Logger LOG = Logger.getLogger(WorkshopWarmUp.class);
    private static final int LEARNERS = 60;
    private static final int THREADS = 8;
    private static final List<Double> LATENCIES = List.of(1.1, 1.4, 2.0, 2.6, 3.9, 7.5, 12.0, 40.0);

    private final WorkshopConfig config;
    private final WorkshopService workshops;
    private final LearnerService learners;
    private final ReportService reports;
    private final ClassStreams streams;
    private final WorkshopDirectory directory;
    /** Completes when the warm-up has finished: with how many reports it sent, or with why it failed. */
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();

    WorkshopWarmUp(
            WorkshopConfig config,
            WorkshopService workshops,
            LearnerService learners,
            ReportService reports,
            ClassStreams streams,
            WorkshopDirectory directory) {
        this.config = config;
        this.workshops = workshops;
        this.learners = learners;
        this.reports = reports;
        this.streams = streams;
        this.directory = directory;
    }

    void start(@Observes StartupEvent event) {
        if (config.warmUp()) {
            Thread.ofPlatform().name("workshop-warm-up").daemon().start(this::warmUpSafely);
        }
    }

    /** Returns what the warm-up came to, once it has finished. */
    CompletableFuture<Integer> finished() {
        return finished;
    }

    private void warmUpSafely() {
        try {
            long started = System.nanoTime();
            int reported = warmUp();
            finished.complete(reported);
            LOG.infof(
                    "Workshop mode warmed up in %d ms: %d learners joined and sent %d reports, then removed",
                    (System.nanoTime() - started) / 1_000_000, LEARNERS, reported);
        } catch (RuntimeException | InterruptedException e) {
            finished.completeExceptionally(e);
            // The app serves without it: the first class is only slower for a few seconds.
            LOG.warnf("Workshop mode was not warmed up (%s); the first class may wait a little at first", e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int warmUp() throws InterruptedException {
        removeLeftovers();
        WorkshopView workshop = workshops.create(TITLE, null, false, false).workshop();
        long id = directory.workshopId(workshop.code()).orElseThrow();
        try {
            List<Quiz> quizzes = workshops.quizzes(workshop);
            ExecutorService pool = Executors.newFixedThreadPool(
                    THREADS,
                    Thread.ofPlatform().name("workshop-warm-up-", 0).daemon().factory());
            try {
                List<Future<Integer>> learnersDone = new ArrayList<>();
                for (int n = 0; n < LEARNERS; n++) {
                    int learner = n;
                    learnersDone.add(pool.submit(() -> playLearner(workshop, quizzes, learner)));
                }
                int reported = 0;
                for (Future<Integer> done : learnersDone) {
                    reported += get(done);
                    streams.dashboard(id);
                }
                return reported;
            } finally {
                pool.shutdownNow();
            }
        } finally {
            workshops.delete(id);
        }
    }

    private int playLearner(WorkshopView workshop, List<Quiz> quizzes, int learner) {
        String token =
                learners.joinWithoutLimit(workshop.code(), "warm-up " + learner).token();
        learners.me(token);
        int reported = 0;
        for (WorkshopView.LessonInPlay lesson : workshop.lessons()) {
            reports.progress(token, lesson.slug(), LearnerService.VISITED);
            reports.progress(token, lesson.slug(), LearnerService.VISITED);
            reported += 2;
        }
        Quiz quiz = quizzes.get(learner % quizzes.size());
        for (Question question : quiz.questions()) {
            reports.answer(token, quiz.slug(), question.id(), answerTo(question, learner));
            reported++;
        }
        reports.latency(token, LATENCIES, 0, 1 + learner % 4, 0.5);
        return reported + 1;
    }

    private static Answer answerTo(Question question, int learner) {
        return switch (question.kind()) {
            // A generated question's first problem is variant 0, as the quiz shows it before any retry.
            case NUMERIC -> new Answer(null, (double) learner, question.parameters() == null ? null : 0);
            case SINGLE -> new Answer(List.of(learner % question.options().size()), null, null);
            case MULTIPLE ->
                new Answer(
                        IntStream.range(0, 1 + learner % question.options().size())
                                .boxed()
                                .toList(),
                        null,
                        null);
        };
    }

    private static int get(Future<Integer> done) throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private void removeLeftovers() {
        List<Long> leftovers = QuarkusTransaction.requiringNew()
                .call(() -> Workshop.<Workshop>list("title", TITLE).stream()
                        .map(workshop -> workshop.id)
                        .toList());
        leftovers.forEach(workshops::delete);
    }
}
