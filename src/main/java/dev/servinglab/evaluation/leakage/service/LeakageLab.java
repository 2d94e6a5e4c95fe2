package dev.servinglab.evaluation.leakage.service;

import dev.servinglab.evaluation.service.ConfusionCounts;
import dev.servinglab.evaluation.service.LabSettings;
import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.service.LogisticTrainer;
import dev.servinglab.model.service.ProbabilisticClassifier;
import dev.servinglab.model.service.Standardizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import smile.classification.KNN;

/**
 * Shows data leakage with real data, each time an honest evaluation beside a leaky one: the scaler fitted on all
 * rows instead of the training rows (breast cancer, logistic regression), and spambase's duplicate rows landing
 * on both sides of the split (a 1-nearest-neighbour model, which recognises a row it has seen).
 */
@ApplicationScoped
public class LeakageLab {

    private final List<LeakageCase> cases;

    /**
     * Evaluates both leaks. The container creates this bean once, when the lessons are rendered as the app starts
     * (their widget shows it), so the training happens once, at startup, beside the app's other content.
     */
    LeakageLab(DatasetRepository datasets, LabSettings settings) {
        this.cases = List.of(
                scaling(datasets.load("breast-cancer"), settings), duplicates(datasets.load("spambase"), settings));
    }

    /** Returns both kinds of leak. */
    public List<LeakageCase> cases() {
        return cases;
    }

    private static LeakageCase scaling(Dataset data, LabSettings settings) {
        Split split = settings.split(data);
        Standardizer trainOnly = Standardizer.fit(split.train().features());
        double[][] all = new double[data.size()][];
        System.arraycopy(split.train().features(), 0, all, 0, split.train().size());
        System.arraycopy(
                split.test().features(),
                0,
                all,
                split.train().size(),
                split.test().size());
        Standardizer everything = Standardizer.fit(all);
        return new LeakageCase(
                "Scaling fitted on all the data",
                "breast-cancer",
                "logistic regression",
                "The leaky version computes the scaler's mean and standard deviation over every row, test rows "
                        + "included, so the test rows shape the features the model trains on.",
                logistic("scaler fitted on the training rows only", split, trainOnly, settings),
                logistic("scaler fitted on all rows (leak)", split, everything, settings));
    }

    private static LeakageCase duplicates(Dataset data, LabSettings settings) {
        return new LeakageCase(
                "Duplicate rows on both sides of the split",
                "spambase",
                "1-nearest neighbour",
                "Spambase repeats some e-mails exactly. Split at random, a copy can land in training and its twin "
                        + "in the test, where a model that remembers rows answers from memory. The honest version "
                        + "removes repeats before splitting.",
                nearestNeighbour("duplicates removed before the split", settings.split(deduplicate(data))),
                nearestNeighbour("duplicates kept, so twins straddle the split (leak)", settings.split(data)));
    }

    private static LeakageEvaluation logistic(String how, Split split, Standardizer scaler, LabSettings settings) {
        ProbabilisticClassifier model = LogisticTrainer.fit(
                scaler.apply(split.train().features()), split.train().labels(), settings.logistic());
        double[][] test = scaler.apply(split.test().features());
        int[] predicted = new int[test.length];
        double[] posterior = new double[2];
        for (int i = 0; i < test.length; i++) {
            predicted[i] = model.predict(test[i], posterior);
        }
        return evaluated(how, split.test().labels(), predicted);
    }

    private static LeakageEvaluation nearestNeighbour(String how, Split split) {
        Standardizer scaler = Standardizer.fit(split.train().features());
        KNN<double[]> model =
                KNN.fit(scaler.apply(split.train().features()), split.train().labels(), 1);
        int[] predicted = model.predict(scaler.apply(split.test().features()));
        return evaluated(how, split.test().labels(), predicted);
    }

    private static LeakageEvaluation evaluated(String how, int[] truth, int[] predicted) {
        return new LeakageEvaluation(how, truth.length, Metric.all(ConfusionCounts.of(truth, predicted)));
    }

    /** Keeps the first of every set of rows with identical features. */
    static Dataset deduplicate(Dataset data) {
        Set<List<Double>> seen = new HashSet<>();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            List<Double> row = new ArrayList<>(data.features()[i].length);
            for (double v : data.features()[i]) {
                row.add(v);
            }
            if (seen.add(row)) {
                keep.add(i);
            }
        }
        return data.subset(keep.stream().mapToInt(Integer::intValue).toArray());
    }
}
