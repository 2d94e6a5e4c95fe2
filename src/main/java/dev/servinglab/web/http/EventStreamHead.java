package dev.servinglab.web.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.MediaType;

/**
 * Writes the head of a Server-Sent Events response at once, on the thread of the request that opens the stream.
 *
 * <p>Quarkus REST writes an event stream's head after the resource method returns, and an {@code SseEventSink}'s
 * first send writes it too if it comes first. When an event is sent from another thread while the request's thread
 * is doing the former, the two race on the response's status and headers: the send fails, its subscriber reads as
 * gone, and its client, still connected, hears nothing more (two streams in 18,000 on two busy cores). With the head
 * written before the subscriber is handed to another thread, a send only writes, which Vert.x serialises, and Quarkus
 * REST finds the head written and leaves it.
 */
public final class EventStreamHead {

    private EventStreamHead() {}

    /**
     * Sends the status, the headers of an event stream and no event yet, if they have not gone out.
     *
     * @return false if the response had already ended: the client has gone
     */
    public static boolean send(HttpServerResponse response) {
        try {
            if (!response.headWritten()) {
                response.setStatusCode(200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.SERVER_SENT_EVENTS)
                        .setChunked(true)
                        .write(Buffer.buffer());
            }
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
