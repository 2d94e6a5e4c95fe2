package dev.servinglab.workshop.rest;

import dev.servinglab.workshop.service.StreamSubscriber;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sends a workshop's live events down one Server-Sent Events connection, and notices when the client has gone. */
final class SseSubscriber implements StreamSubscriber {

    private final SseEventSink sink;
    private final Sse sse;
    private volatile boolean failed;
    /** The last event sent: the stream ends only once it has been written, so that a last event is not lost. */
    private volatile CompletionStage<?> lastSent = CompletableFuture.completedFuture(null);

    SseSubscriber(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void send(String name, String data) {
        if (closed()) {
            return;
        }
        try {
            CompletionStage<?> sent =
                    sink.send(sse.newEventBuilder().name(name).data(data).build());
            lastSent = sent;
            sent.whenComplete((ignored, error) -> {
                if (error != null) {
                    failed = true;
                }
            });
        } catch (IllegalStateException e) {
            failed = true; // closed by the client since closed() was asked
        }
    }

    @Override
    public boolean closed() {
        return failed || sink.isClosed();
    }

    @Override
    public void close() {
        lastSent.whenComplete((ignored, error) -> {
            if (!sink.isClosed()) {
                sink.close();
            }
        });
    }
}
