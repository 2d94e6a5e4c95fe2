package dev.servinglab.training.rest;

import dev.servinglab.training.service.RunSubscriber;
import dev.servinglab.training.service.TrainingEpoch;
import dev.servinglab.training.service.TrainingSummary;
import dev.servinglab.web.http.EventStreamHead;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Sends a run's events down one Server-Sent Events connection (an {@code epoch} event per epoch, its id the epoch
 * number, then one {@code summary}, after which it closes the stream), and notices when the client has gone. The
 * stream's head goes out when it opens, on the request's thread: the events come from another (see
 * {@link EventStreamHead}).
 */
final class SinkSubscriber implements RunSubscriber {

    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServerResponse response;
    private volatile boolean failed;

    SinkSubscriber(SseEventSink sink, Sse sse, HttpServerResponse response) {
        this.sink = sink;
        this.sse = sse;
        this.response = response;
    }

    @Override
    public void open() {
        failed = !EventStreamHead.send(response);
    }

    @Override
    public void epoch(TrainingEpoch epoch, String data) {
        if (closed()) {
            return;
        }
        try {
            sink.send(event("epoch", Integer.toString(epoch.epoch()), data)).whenComplete((ignored, error) -> {
                if (error != null) {
                    failed = true;
                }
            });
        } catch (IllegalStateException e) {
            failed = true; // closed by the client since closed() was asked
        }
    }

    @Override
    public void summary(TrainingSummary summary, String data) {
        if (closed()) {
            return;
        }
        try {
            sink.send(event("summary", "summary", data)).whenComplete((ignored, error) -> sink.close());
        } catch (IllegalStateException e) {
            failed = true; // closed by the client since closed() was asked
        }
    }

    @Override
    public boolean closed() {
        return failed || sink.isClosed();
    }

    private OutboundSseEvent event(String name, String eventId, String data) {
        return sse.newEventBuilder().name(name).id(eventId).data(data).build();
    }
}
