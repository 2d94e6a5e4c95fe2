package dev.servinglab.workshop.service;

/** Receives a workshop's live events on one connection (Server-Sent Events), and says when it has gone. */
public interface StreamSubscriber {

    /**
     * Opens the stream: called once, on the thread of the request that subscribes, before any event and before the
     * subscriber reaches another thread.
     */
    void open();

    /** Sends one event. */
    void send(StreamEvent event);

    /** Returns whether the client has gone. */
    boolean closed();

    /** Ends the stream. */
    void close();
}
