package dev.servinglab.training.service;

/**
 * Receives the events of a run, on the delivery thread, each with its JSON: written once, on the training thread,
 * however many clients follow, so that the event loop only sends it.
 */
public interface RunSubscriber {

    /**
     * Opens the stream: called once, on the thread of the request that subscribes, before any event and before the
     * subscriber reaches another thread.
     */
    void open();

    /** Takes an epoch that has just finished. */
    void epoch(TrainingEpoch epoch, String json);

    /** Takes the summary; no event follows it. */
    void summary(TrainingSummary summary, String json);

    /** Tells whether the client has gone away. */
    boolean closed();
}
