package dev.servinglab.workshop.service;

/** Receives a workshop's live events on one connection (Server-Sent Events), and says when it has gone. */
public interface StreamSubscriber {

    /** Sends one event. */
    void send(StreamEvent event);

    /** Returns whether the client has gone. */
    boolean closed();

    /** Ends the stream. */
    void close();
}
