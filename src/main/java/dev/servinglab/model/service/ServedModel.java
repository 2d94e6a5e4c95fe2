package dev.servinglab.model.service;

import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetInfo;
import dev.servinglab.model.data.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * @param training        the rows it was trained on, as the reference that requests are compared with for drift
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
        Evaluation test,
        Dataset training) {

    /**
     * Bundles a trained classifier for serving: the data set, the training ranges and the split sizes are read off
     * the split it was trained on. The one place a served model is built, for the built-in models and the promoted
     * training runs alike.
     *
     * @param test its metrics on the split's test rows
     */
    public static ServedModel of(
            String name,
            String version,
            String kind,
            String description,
            Split split,
            Standardizer scaler,
            TrainedClassifier trained,
            Map<String, Object> hyperparameters,
            Evaluation test) {
        return new ServedModel(
                name,
                version,
                kind,
                description,
                split.train().info(),
                scaler,
                trained.classifier(),
                ranges(split.train()),
                hyperparameters,
                splitSizes(split),
                trained.history(),
                trained.stopReason(),
                test,
                split.train());
    }

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
                test,
                training);
    }

    /** Returns the number of classes. */
    public int classCount() {
        return dataset.classNames().size();
    }

    /** Returns the number of features. */
    public int featureCount() {
        return dataset.featureNames().size();
    }

    /** Returns the smallest and largest value of every feature in the training rows, for drift warnings. */
    private static List<FeatureRange> ranges(Dataset train) {
        List<FeatureRange> ranges = new ArrayList<>();
        for (int j = 0; j < train.featureNames().size(); j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : train.features()) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            ranges.add(
                    new FeatureRange(train.featureNames().get(j), train.info().unit(), min, max));
        }
        return ranges;
    }

    /** Returns the row counts of the train, validation and test parts, as a model card lists them. */
    private static Map<String, Integer> splitSizes(Split split) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("train", split.train().size());
        sizes.put("validation", split.validation().size());
        sizes.put("test", split.test().size());
        return sizes;
    }
}
