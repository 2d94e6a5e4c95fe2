package dev.servinglab.training.service;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs the deliveries of every training run's events one after another on one event-loop thread, where sending
 * Server-Sent Events belongs.
 */
@ApplicationScoped
@Typed(RunDeliveries.class) // not a general-purpose Executor bean
public class RunDeliveries implements Executor {

    private final Context context;

    /**
     * Makes the event-loop context on a thread of its own: Vert.x makes a new one only when asked from outside
     * Vert.x, and from a request thread it would hand out that request's context.
     */
    RunDeliveries(Vertx vertx) {
        this.context = CompletableFuture.supplyAsync(
                        vertx::getOrCreateContext,
                        task -> Thread.ofPlatform()
                                .name("training-deliveries-setup")
                                .start(task))
                .join();
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }
}
