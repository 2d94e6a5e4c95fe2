package dev.servinglab.workshop.rest;

import dev.servinglab.web.http.EventStreamHead;
import dev.servinglab.workshop.service.StreamEvent;
import dev.servinglab.workshop.service.StreamSubscriber;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends a workshop's live events down one Server-Sent Events connection, and notices when the client has gone. The
 * stream's head goes out when it opens, on the request's thread, because events come from other threads (see
 * {@link EventStreamHead}). Events are then written to the connection as they are, because the sink would copy a
 * 100 KB dashboard event six times or more before sending it; the sink ends the stream.
 */
final class SseSubscriber implements StreamSubscriber {

    private final SseEventSink sink;
    private final HttpServerResponse response;
    private volatile boolean failed;
    /** The last event sent: the stream ends only once it has been written, so that a last event is not lost. */
    private volatile CompletionStage<?> lastSent = CompletableFuture.completedFuture(null);

    SseSubscriber(SseEventSink sink, HttpServerResponse response) {
        this.sink = sink;
        this.response = response;
    }

    @Override
    public void open() {
        failed = !EventStreamHead.send(response);
    }

    @Override
    public void send(StreamEvent event) {
        if (closed()) {
            return;
        }
        try {
            // Wrapped, not copied: the same bytes go to every stream of the event.
            CompletionStage<?> sent = response.write(Buffer.buffer(Unpooled.wrappedBuffer(event.frame())))
                    .toCompletionStage();
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
