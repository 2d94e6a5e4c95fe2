package dev.servinglab.workshop.service;

import dev.servinglab.web.problem.ServerStoppingException;
import dev.servinglab.web.problem.TooManyRequestsException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stores reports in batches, one transaction for all the reports that arrived while the last one committed (group
 * commit), and answers each report once its batch has committed. A class of hundreds answering at once then costs
 * the database a few commits a second instead of one per answer: with the embedded H2 every commit writes to the
 * file before it returns, and commits are taken one at a time, so one per report would queue the class behind
 * the file. Nothing is acknowledged before it is on disk. Joins and leaves go through it as well, so that one
 * thread takes H2's commits. A report's write must not query the database: a query flushes the whole batch so far
 * (a join may: joins are few). Each report is given its number in its workshop in the batch's transaction
 * ({@link ReportNumbers}).
 */
@ApplicationScoped
public class ReportWriter {

    private static final Logger LOG = Logger.getLogger(ReportWriter.class);
    /** Reports waiting at most; beyond it the server says it is busy (429) instead of queueing without end. */
    private static final int MAX_WAITING = 5_000;
    /** Reports in one transaction at most. */
    private static final int MAX_BATCH = 500;
    /** How long a report waits for its batch before the learner is asked to send it again. */
    private static final long WAIT_SECONDS = 10;
    /** How long the shutdown waits for the queue to be written, within the 10 s a stopping server has to exit. */
    private static final long DRAIN_SECONDS = 3;
    /** When a stopped server may be back (a restart), in seconds: what a refusal while it stops advises. */
    private static final long STOPPING_RETRY_SECONDS = 10;

    /**
     * A write waiting for its batch.
     *
     * @param workshopId the workshop of the report it stores, which gives it a number; 0 for a write that stores no
     *                   report (a join, a leave)
     * @param write      the write, given the report's number (0 when it stores none)
     */
    private record Pending<T>(long workshopId, LongFunction<T> write, CompletableFuture<T> done) {}

    private final BlockingQueue<Pending<?>> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private Thread writer;
    /** Set when the server begins to stop: new writes are refused, those already queued are still written. */
    private volatile boolean stopping;
    /** Set once the requests in flight have finished: the writer ends when the queue is empty. */
    private volatile boolean drained;

    /** Starts the writer; not in the constructor, which the bean's client proxy runs too. */
    @PostConstruct
    void start() {
        writer = Thread.ofPlatform().name("workshop-report-writer").daemon().start(this::writeAll);
    }

    /**
     * Runs a write (persist one report, fire its event) in the next batch's transaction and returns its result once
     * the batch has committed.
     *
     * @throws TooManyRequestsException    when the server is too busy to store it in time
     * @throws ServerStoppingException when the server is stopping: it was not stored
     * @throws RuntimeException            what the write threw: it was not stored
     */
    public <T> T store(Supplier<T> write) {
        return enqueue(new Pending<>(0, number -> write.get(), new CompletableFuture<>()));
    }

    /**
     * Runs a report's write in the next batch's transaction, given the report's number in its workshop (taken in
     * that transaction, so numbers follow commits), and returns its result once the batch has committed.
     *
     * @param workshopId the report's workshop
     * @param write      persists the report with the number it is given, and fires its event
     * @throws TooManyRequestsException    when the server is too busy to store it in time
     * @throws ServerStoppingException     when the server is stopping: it was not stored
     * @throws RuntimeException            what the write threw: it was not stored
     */
    public <T> T storeReport(long workshopId, LongFunction<T> write) {
        return enqueue(new Pending<>(workshopId, write, new CompletableFuture<>()));
    }

    private <T> T enqueue(Pending<T> pending) {
        if (stopping) {
            throw new ServerStoppingException(
                    "The server is stopping; nothing was stored. Send it again once the server is back.",
                    STOPPING_RETRY_SECONDS);
        }
        if (!waiting.offer(pending)) {
            throw busy();
        }
        try {
            return pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static TooManyRequestsException busy() {
        return new TooManyRequestsException("The server is busy storing the class's reports; send it again.", 1);
    }

    private void writeAll() {
        while (!drained || !waiting.isEmpty()) {
            try {
                Pending<?> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending<?>> batch = new ArrayList<>();
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // The writer goes on: a thread that died here would leave every later report waiting.
                LOG.error("The report writer met an error it could not give to a report", e);
            }
        }
    }

    private static void write(List<Pending<?>> batch) {
        // The results are completed only after the commit, so nobody hears "stored" of a rolled-back report.
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                completions.clear();
                ReportNumbers numbers = ReportNumbers.take(reportsPerWorkshop(batch));
                for (Pending<?> pending : batch) {
                    completions.add(prepare(pending, numbers));
                }
            });
            completions.forEach(Runnable::run);
        } catch (RuntimeException | Error e) {
            // One bad report must not cost the others theirs: each alone, in its own transaction.
            for (Pending<?> pending : batch) {
                try {
                    Runnable completion = QuarkusTransaction.requiringNew()
                            .call(() -> prepare(pending, ReportNumbers.take(reportsPerWorkshop(List.of(pending)))));
                    completion.run();
                } catch (RuntimeException | Error alone) {
                    pending.done().completeExceptionally(alone);
                }
            }
        }
    }

    private static SortedMap<Long, Integer> reportsPerWorkshop(List<Pending<?>> batch) {
        SortedMap<Long, Integer> counts = new TreeMap<>();
        for (Pending<?> pending : batch) {
            if (pending.workshopId() != 0) {
                counts.merge(pending.workshopId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static <T> Runnable prepare(Pending<T> pending, ReportNumbers numbers) {
        long number = pending.workshopId() == 0 ? 0 : numbers.next(pending.workshopId());
        T result = pending.write().apply(number);
        return () -> pending.done().complete(result);
    }

    /**
     * Refuses new writes as soon as the server begins to stop; those already queued are still written, and their
     * requests, which the server waits for, answered.
     */
    void refuseNew(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    /**
     * Writes what is still queued once the requests in flight have finished, before the database closes, then ends
     * the writer.
     */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        drained = true;
        writer.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        if (writer.isAlive()) {
            LOG.warnf(
                    "The report writer did not finish in %d s; %d writes were not stored",
                    DRAIN_SECONDS, waiting.size());
        }
    }
}
