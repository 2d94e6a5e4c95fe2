package dev.servinglab.model.service;

import dev.servinglab.model.data.DatasetInfo;
import java.util.List;
import java.util.Map;

/**
 * Bundles everything needed to serve and explain one model version: the fitted scaler, the classifier, the
 * training ranges and the record of how it was trained and how it scored.
 *
 * @param name            the name clients select it by
 * @param version         its version
 * @param kind            the algorithm, e.g. {@code mlp}
 * @param description     one sentence for the model card
 * @param dataset         the data set it was trained on
 * @param scaler          the standardisation fitted on the training split
 * @param classifier      the trained classifier, fed standardised rows
 * @param ranges          per-feature training ranges, for drift warnings
 * @param hyperparameters what it was trained with
 * @param split           row counts of the train / validation / test split
 * @param history         loss and accuracy per epoch
 * @param stopReason      why training ended
 * @param test            metrics on the held-out test split
 */
public record ServedModel(
        String name,
        String version,
        String kind,
        String description,
        DatasetInfo dataset,
        Standardizer scaler,
        ProbabilisticClassifier classifier,
        List<FeatureRange> ranges,
        Map<String, Object> hyperparameters,
        Map<String, Integer> split,
        List<EpochMetrics> history,
        String stopReason,
        Evaluation test) {

    /** Returns the same model served under another name. */
    public ServedModel withName(String newName) {
        return new ServedModel(
                newName,
                version,
                kind,
                description,
                dataset,
                scaler,
                classifier,
                ranges,
                hyperparameters,
                split,
                history,
                stopReason,
                test);
    }

    /** Returns the number of classes. */
    public int classCount() {
        return dataset.classNames().size();
    }

    /** Returns the number of features. */
    public int featureCount() {
        return dataset.featureNames().size();
    }
}
