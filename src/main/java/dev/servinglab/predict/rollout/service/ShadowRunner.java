package dev.servinglab.predict.rollout.service;

import dev.servinglab.predict.rollout.RolloutConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Answers shadows' copies of requests on a thread of its own, after the current version has answered, so that a
 * shadow adds nothing to a request's latency. Copies wait in a bounded queue; when it is full a copy is dropped
 * (and counted by the caller) rather than queued without end.
 */
@ApplicationScoped
public class ShadowRunner {

    private final ThreadPoolExecutor executor;

    ShadowRunner(RolloutConfig config) {
        this.executor = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.shadowQueue()),
                task -> {
                    Thread thread = new Thread(task, "shadow-requests");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues a copy for its shadow; returns {@code false} if the queue is full and the copy was dropped. */
    boolean submit(Runnable copy) {
        try {
            executor.execute(copy);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
