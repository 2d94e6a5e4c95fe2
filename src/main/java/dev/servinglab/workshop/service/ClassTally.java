package dev.servinglab.workshop.service;

import dev.servinglab.quiz.service.Answer;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.web.format.Numbers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Adds up one workshop's reports as they arrive, so that the dashboard costs a walk over counts, not a query over
 * every answer of the class. Folding the same report twice counts it once: a report may arrive both in the first
 * load from the database and as an event. Reports are numbered in their workshop in commit order, without gaps
 * ({@link ReportNumbers}); the tally's {@code seq} is the highest number up to which it holds every report, so a
 * report that comes ahead of an earlier one (from another instance, a few milliseconds apart) waits to be counted
 * in {@code seq} until the earlier one is in.
 */
final class ClassTally {

    /** The load timeline: this many slots of {@link #SLOT} each, up to now. */
    static final int SLOTS = 24;

    static final Duration SLOT = Duration.ofSeconds(5);

    /** The answer counts of a learner who answered nothing yet: never written to. */
    private static final int[] NO_ANSWERS = new int[2];

    /** Numbers of the reports folded in above {@link #seq}: those that came ahead of an earlier one. */
    private final Set<Long> ahead = new HashSet<>();

    private final Map<Long, ClassEvent.LearnerChanged> learners = new LinkedHashMap<>();
    private final Map<String, Set<Long>> visited = new HashMap<>();
    private final Map<String, Set<Long>> completed = new HashMap<>();
    /** quiz/question → learner → their first answer, and whether any answer was right. */
    private final Map<String, Map<Long, Attempts>> answers = new HashMap<>();

    private final Map<String, ExerciseTally> exercises = new LinkedHashMap<>();
    private final List<ClassEvent.TrainingReported> trainings = new ArrayList<>();
    private final List<ClassEvent.LatencyReported> latencyRuns = new ArrayList<>();
    /** Every report numbered up to this one is folded in. */
    private long seq;
    /** When a report first came ahead of an earlier one that is still missing ({@link System#nanoTime()}). */
    private long gapSince;

    private static final class Attempts {
        final ClassEvent.AnswerReported first;
        int count = 1;

        Attempts(ClassEvent.AnswerReported first) {
            this.first = first;
        }
    }

    private static final class ExerciseTally {
        final Set<Long> learners = new HashSet<>();
        final Set<Long> solved = new HashSet<>();
        int attempts;
    }

    /**
     * Events committed and not folded in yet. The report writer only queues them, without the tally's lock: while
     * the dashboard is built under that lock, the writer (and every report waiting for its batch) would wait.
     * They are folded in, in order, by whoever reads the tally next.
     */
    private final Queue<ClassEvent> incoming = new ConcurrentLinkedQueue<>();
    /** Whether the history has been read; events are folded in only after it. */
    private boolean historyLoaded;

    /** Adds a committed event, folded in at the next read of the tally. */
    void live(ClassEvent event) {
        incoming.add(event);
    }

    /** Adds the history read from the database; the events that came while it was read follow it. */
    synchronized void loaded(List<ClassEvent> history) {
        history.forEach(this::fold);
        // What the database had committed is all there is up to its highest number, whatever came before it.
        long last = history.stream().mapToLong(ClassEvent::seq).max().orElse(0);
        if (last > seq) {
            seq = last;
            ahead.removeIf(number -> number <= last);
            advance();
        }
        historyLoaded = true;
        notifyAll();
    }

    /** Folds in the events queued so far, unless the history is still loading: keeps the queue short. */
    synchronized void catchUp() {
        if (historyLoaded) {
            foldIncoming();
        }
    }

    private void foldIncoming() {
        for (ClassEvent event = incoming.poll(); event != null; event = incoming.poll()) {
            fold(event);
        }
    }

    private void awaitHistory() {
        while (!historyLoaded) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the class's history loaded", e);
            }
        }
    }

    /** Adds an event to the tally, once. */
    private void fold(ClassEvent event) {
        long number = event.seq();
        if (number != 0) {
            if (number <= seq || !ahead.add(number)) {
                return;
            }
            advance();
        }
        switch (event) {
            case ClassEvent.LearnerChanged learner -> learners.put(learner.learnerId(), learner);
            case ClassEvent.ProgressReported progress ->
                (progress.state().equals(LearnerService.COMPLETED) ? completed : visited)
                        .computeIfAbsent(progress.lesson(), lesson -> new HashSet<>())
                        .add(progress.learnerId());
            case ClassEvent.AnswerReported answer -> {
                Map<Long, Attempts> byLearner =
                        answers.computeIfAbsent(answer.quiz() + "/" + answer.question(), key -> new HashMap<>());
                Attempts attempts = byLearner.get(answer.learnerId());
                if (attempts == null) {
                    byLearner.put(answer.learnerId(), new Attempts(answer));
                } else {
                    attempts.count++;
                }
            }
            case ClassEvent.ExerciseReported exercise -> {
                ExerciseTally tally = exercises.computeIfAbsent(exercise.exercise(), id -> new ExerciseTally());
                tally.attempts++;
                tally.learners.add(exercise.learnerId());
                if (exercise.solved()) {
                    tally.solved.add(exercise.learnerId());
                }
            }
            case ClassEvent.TrainingReported training -> trainings.add(training);
            case ClassEvent.LatencyReported latency -> latencyRuns.add(latency);
            case ClassEvent.WorkshopChanged changed -> {
                // nothing to count: the workshop itself is read anew for every view
            }
            case ClassEvent.WorkshopDeleted deleted -> {
                // the tally is dropped with the workshop
            }
        }
    }

    private void advance() {
        while (ahead.remove(seq + 1)) {
            seq++;
        }
        if (ahead.isEmpty()) {
            gapSince = 0;
        } else if (gapSince == 0) {
            gapSince = System.nanoTime();
        }
    }

    /**
     * Tells whether a report has been missing for longer than the given time while later ones are in: one that
     * should have come from another instance and did not (its connection to the database broke). The tally is
     * then read again from the database.
     */
    synchronized boolean missingLongerThan(Duration limit) {
        return historyLoaded && gapSince != 0 && System.nanoTime() - gapSince > limit.toNanos();
    }

    /** Returns the highest report number up to which every report is folded in. */
    synchronized long seq() {
        awaitHistory();
        foldIncoming();
        return seq;
    }

    /** Shows the tally for the dashboard. */
    synchronized DashboardView view(WorkshopView workshop, List<Quiz> quizzes, Instant now) {
        awaitHistory();
        foldIncoming();
        return new DashboardView(
                seq,
                workshop,
                learnerRows(),
                workshop.lessons().stream()
                        .map(lesson -> new DashboardView.LessonRow(
                                lesson.slug(),
                                lesson.title(),
                                count(visited, lesson.slug()),
                                count(completed, lesson.slug())))
                        .toList(),
                questionRows(quizzes),
                exercises.entrySet().stream()
                        .map(e -> new DashboardView.ExerciseRow(
                                e.getKey(),
                                e.getValue().learners.size(),
                                e.getValue().solved.size(),
                                e.getValue().attempts))
                        .toList(),
                trainingRows(),
                load(now));
    }

    private static int count(Map<String, Set<Long>> byLesson, String lesson) {
        return byLesson.getOrDefault(lesson, Set.of()).size();
    }

    private List<DashboardView.LearnerRow> learnerRows() {
        // Built several times a second for hundreds of learners: plain loops over the counts, no stream per learner.
        Map<Long, int[]> answeredAndRight = new HashMap<>();
        for (Map<Long, Attempts> byLearner : answers.values()) {
            byLearner.forEach((learner, attempts) -> {
                int[] counts = answeredAndRight.computeIfAbsent(learner, id -> new int[2]);
                counts[0]++;
                counts[1] += attempts.first.correct() ? 1 : 0;
            });
        }
        Map<Long, Integer> lessonsCompleted = new HashMap<>();
        for (Set<Long> learnerIds : completed.values()) {
            for (Long learnerId : learnerIds) {
                lessonsCompleted.merge(learnerId, 1, Integer::sum);
            }
        }
        List<DashboardView.LearnerRow> rows = new ArrayList<>(learners.size());
        for (ClassEvent.LearnerChanged learner : learners.values()) {
            int[] counts = answeredAndRight.getOrDefault(learner.learnerId(), NO_ANSWERS);
            rows.add(new DashboardView.LearnerRow(
                    learner.nickname(),
                    learner.joinedAt(),
                    learner.active(),
                    lessonsCompleted.getOrDefault(learner.learnerId(), 0),
                    counts[0],
                    counts[1]));
        }
        return rows;
    }

    private List<DashboardView.QuestionRow> questionRows(List<Quiz> quizzes) {
        List<DashboardView.QuestionRow> rows = new ArrayList<>();
        for (Quiz quiz : quizzes) {
            for (Question question : quiz.questions()) {
                Map<Long, Attempts> byLearner = answers.getOrDefault(quiz.slug() + "/" + question.id(), Map.of());
                List<ClassEvent.AnswerReported> firsts = new ArrayList<>(byLearner.size());
                int right = 0;
                int[] chosen = new int[question.options().size()];
                for (Attempts attempts : byLearner.values()) {
                    ClassEvent.AnswerReported first = attempts.first;
                    firsts.add(first);
                    right += first.correct() ? 1 : 0;
                    List<Integer> choices = first.answer().choices();
                    for (int i = 0; choices != null && i < chosen.length; i++) {
                        chosen[i] += choices.contains(i) ? 1 : 0;
                    }
                }
                Double percentRight = firsts.isEmpty() ? null : 100.0 * right / firsts.size();
                List<DashboardView.OptionCount> options = new ArrayList<>(chosen.length);
                for (int i = 0; i < chosen.length; i++) {
                    Question.Option option = question.options().get(i);
                    options.add(new DashboardView.OptionCount(i, option.text(), option.correct(), chosen[i]));
                }
                rows.add(new DashboardView.QuestionRow(
                        quiz.slug(),
                        question.id(),
                        question.prompt(),
                        question.kind().name().toLowerCase(java.util.Locale.ROOT),
                        firsts.size(),
                        right,
                        percentRight,
                        options,
                        mostChosenWrong(question, firsts)));
            }
        }
        return rows;
    }

    /** Counts the learners who gave one wrong answer, and keeps one of them to describe it. */
    private static final class WrongCount {
        final Answer answer;
        int learners;

        WrongCount(Answer answer) {
            this.answer = answer;
        }
    }

    private static DashboardView.WrongAnswer mostChosenWrong(
            Question question, List<ClassEvent.AnswerReported> firsts) {
        if (question.parameters() != null) {
            // Each learner had a problem of their own: the same wrong number means nothing across them.
            return null;
        }
        // Grouped by a key that costs no text; only the answer chosen most is described (the first of a tie).
        Map<Object, WrongCount> wrong = new LinkedHashMap<>();
        for (ClassEvent.AnswerReported first : firsts) {
            if (!first.correct()) {
                wrong.computeIfAbsent(key(question, first.answer()), k -> new WrongCount(first.answer())).learners++;
            }
        }
        WrongCount most = null;
        for (WrongCount count : wrong.values()) {
            if (most == null || count.learners > most.learners) {
                most = count;
            }
        }
        return most == null ? null : new DashboardView.WrongAnswer(describe(question, most.answer), most.learners);
    }

    /** Returns what makes two answers the same answer as {@link #describe} writes them, without writing them. */
    private static Object key(Question question, Answer answer) {
        if (answer.value() != null || question.options().size() > Long.SIZE) {
            return describe(question, answer);
        }
        long chosen = 0;
        for (int i : answer.choices()) {
            if (i >= 0 && i < question.options().size()) {
                chosen |= 1L << i;
            }
        }
        return chosen;
    }

    /** Writes an answer as the dashboard names it: the options' texts, or the number. */
    static String describe(Question question, Answer answer) {
        if (answer.value() != null) {
            return Numbers.plain(answer.value());
        }
        return answer.choices().stream()
                .sorted()
                .filter(i -> i < question.options().size())
                .map(i -> question.options().get(i).text())
                .collect(Collectors.joining(" + "));
    }

    private List<DashboardView.TrainingRow> trainingRows() {
        List<ClassEvent.TrainingReported> ranked = trainings.stream()
                .sorted(Comparator.comparing((ClassEvent.TrainingReported t) ->
                        t.validationLoss() == null ? Double.POSITIVE_INFINITY : t.validationLoss()))
                .toList();
        List<DashboardView.TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ClassEvent.TrainingReported t = ranked.get(i);
            ClassEvent.LearnerChanged learner = learners.get(t.learnerId());
            rows.add(new DashboardView.TrainingRow(
                    i + 1,
                    learner == null ? "?" : learner.nickname(),
                    t.runId(),
                    t.dataset(),
                    t.validationLoss(),
                    t.testAccuracy(),
                    t.epochs(),
                    t.stop(),
                    t.hyperparameters()));
        }
        return rows;
    }

    private DashboardView.ClassLoad load(Instant now) {
        long[] merged = new long[LatencyBuckets.COUNT];
        long requests = 0;
        long errors = 0;
        for (ClassEvent.LatencyReported run : latencyRuns) {
            add(merged, run.buckets());
            requests += run.requests();
            errors += run.errors();
        }
        return new DashboardView.ClassLoad(
                latencyRuns.size(),
                requests,
                errors,
                bound(LatencyBuckets.percentile(merged, 50)),
                bound(LatencyBuckets.percentile(merged, 99)),
                LatencyBuckets.describe(merged),
                timeline(now));
    }

    /** Spreads each run's requests evenly over the time it took, and adds them up slot by slot. */
    private List<DashboardView.LoadSlot> timeline(Instant now) {
        List<DashboardView.LoadSlot> slots = new ArrayList<>(SLOTS);
        double slotSeconds = SLOT.toMillis() / 1000.0;
        for (int s = SLOTS - 1; s >= 0; s--) {
            Instant end = now.minus(SLOT.multipliedBy(s));
            Instant start = end.minus(SLOT);
            double sent = 0;
            long[] merged = new long[LatencyBuckets.COUNT];
            for (ClassEvent.LatencyReported run : latencyRuns) {
                Instant runEnd = run.reportedAt();
                Instant runStart = runEnd.minusMillis((long) (run.seconds() * 1000));
                double overlap = seconds(later(start, runStart), earlier(end, runEnd));
                if (overlap > 0 || (!runEnd.isBefore(start) && runEnd.isBefore(end))) {
                    add(merged, run.buckets());
                    sent += run.seconds() > 0 ? run.requests() * Math.max(0, overlap) / run.seconds() : 0;
                }
            }
            slots.add(new DashboardView.LoadSlot(
                    end,
                    sent / slotSeconds,
                    bound(LatencyBuckets.percentile(merged, 50)),
                    bound(LatencyBuckets.percentile(merged, 99))));
        }
        return slots;
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < Math.min(into.length, counts.length); i++) {
            into[i] += counts[i];
        }
    }

    private static Double bound(double value) {
        return Double.isFinite(value) ? value : null; // none yet, or beyond the last bucket
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
