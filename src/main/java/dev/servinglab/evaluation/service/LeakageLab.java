package dev.servinglab.evaluation.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import dev.servinglab.model.service.LogisticTrainer;
import dev.servinglab.model.service.Standardizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import smile.classification.KNN;
import smile.classification.LogisticRegression;

/**
 * Shows data leakage with real data, each time an honest evaluation beside a leaky one: the scaler fitted on all
 * rows instead of the training rows (breast cancer, logistic regression), and spambase's duplicate rows landing
 * on both sides of the split (a 1-nearest-neighbour model, which recognises a row it has seen).
 */
@ApplicationScoped
public class LeakageLab {

    private static final double TEST_FRACTION = 0.3;

    private final DatasetRepository datasets;
    private final long seed;
    private final LogisticTrainer.Options options;
    private List<Case> cases;

    @Inject
    LeakageLab(DatasetRepository datasets, ModelConfig config) {
        this(datasets, config.seed(), LogisticTrainer.Options.of(config.logistic()));
    }

    LeakageLab(DatasetRepository datasets, long seed, LogisticTrainer.Options options) {
        this.datasets = datasets;
        this.seed = seed;
        this.options = options;
    }

    /**
     * Holds one evaluation: how many test rows, and the metrics on them.
     */
    @Schema(name = "LeakageEvaluation")
    public record Evaluated(String how, int testSize, Map<String, Double> metrics) {}

    /**
     * Holds one kind of leak: the honest evaluation beside the leaky one.
     */
    @Schema(name = "LeakageCase")
    public record Case(
            String name, String dataset, String model, String explanation, Evaluated honest, Evaluated leaky) {

        /** Returns the honest evaluation, then the leaky one. */
        @JsonIgnore
        public List<Evaluated> evaluations() {
            return List.of(honest, leaky);
        }
    }

    /**
     * Returns both kinds of leak, computing them on first use.
     */
    public synchronized List<Case> cases() {
        if (cases == null) {
            cases = List.of(scaling(), duplicates());
        }
        return cases;
    }

    private Case scaling() {
        Dataset data = datasets.load("breast-cancer");
        Split split = split(data);
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
        return new Case(
                "Scaling fitted on all the data",
                "breast-cancer",
                "logistic regression",
                "The leaky version computes the scaler's mean and standard deviation over every row, test rows "
                        + "included, so the test rows shape the features the model trains on.",
                logistic("scaler fitted on the training rows only", split, trainOnly),
                logistic("scaler fitted on all rows (leak)", split, everything));
    }

    private Case duplicates() {
        Dataset data = datasets.load("spambase");
        Split leakySplit = split(data);
        Split honestSplit = split(deduplicate(data));
        return new Case(
                "Duplicate rows on both sides of the split",
                "spambase",
                "1-nearest neighbour",
                "Spambase repeats some e-mails exactly. Split at random, a copy can land in training and its twin "
                        + "in the test, where a model that remembers rows answers from memory. The honest version "
                        + "removes repeats before splitting.",
                nearestNeighbour("duplicates removed before the split", honestSplit),
                nearestNeighbour("duplicates kept, so twins straddle the split (leak)", leakySplit));
    }

    private Split split(Dataset data) {
        return StratifiedSplitter.split(data, new StratifiedSplitter.Options(0, TEST_FRACTION, seed));
    }

    private Evaluated logistic(String how, Split split, Standardizer scaler) {
        LogisticRegression model = LogisticRegression.fit(
                scaler.apply(split.train().features()),
                split.train().labels(),
                new LogisticRegression.Options(options.lambda(), options.tol(), options.maxIter()));
        int[] predicted = model.predict(scaler.apply(split.test().features()));
        return evaluated(how, split.test().labels(), predicted);
    }

    private static Evaluated nearestNeighbour(String how, Split split) {
        Standardizer scaler = Standardizer.fit(split.train().features());
        KNN<double[]> model =
                KNN.fit(scaler.apply(split.train().features()), split.train().labels(), 1);
        int[] predicted = model.predict(scaler.apply(split.test().features()));
        return evaluated(how, split.test().labels(), predicted);
    }

    private static Evaluated evaluated(String how, int[] truth, int[] predicted) {
        return new Evaluated(how, truth.length, Metric.all(ConfusionCounts.of(truth, predicted)));
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
