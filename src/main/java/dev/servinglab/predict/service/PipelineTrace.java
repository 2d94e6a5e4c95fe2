package dev.servinglab.predict.service;

import dev.servinglab.model.service.ServedModel;

/**
 * Observes the stages of a prediction as they run. The pipeline calls it at every stage boundary, so that a
 * plain prediction and a traced one go through exactly the same code.
 */
public interface PipelineTrace {

    /** Records nothing and reads no clock: what the predict endpoints use. */
    PipelineTrace OFF = new PipelineTrace() {};

    /** Returns the time a stage starts, in nanoseconds; 0 when not tracing. */
    default long clock() {
        return 0;
    }

    /** Observes the parse stage: the JSON body became a row of features. */
    default void parsed(long start, byte[] body, double[] features) {}

    /** Observes the scale stage: the features were standardised (or, on purpose, left as they were). */
    default void scaled(long start, ServedModel model, boolean skipped, double[] features, double[] scaled) {}

    /** Observes the predict stage: the model turned the scaled row into class probabilities. */
    default void predicted(long start, ServedModel model, double[] scaled, double[] probabilities) {}

    /** Observes the respond stage: the probabilities became the response. */
    default void responded(long start, double[] probabilities, PredictResponse response) {}
}
