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
import dev.servinglab.web.format.Numbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import smile.classification.KNN;

/**
 * Shows data leakage with real data, each time an honest evaluation beside a leaky one, both scored on the same
 * test rows so that the leak is the only difference: target leakage (spambase with a column that is only known
 * once the answer is, logistic regression), and train/test contamination (spambase's duplicate rows on both sides
 * of the split, a 1-nearest-neighbour model, which recognises a row it has seen).
 */
@ApplicationScoped
public class LeakageLab {

    /** Share of spam that users report, in the made-up column of the target-leakage case. */
    static final double REPORTED_SPAM = 0.9;

    /** Share of good mail that users report by mistake, in the same column. */
    static final double REPORTED_GOOD = 0.02;

    private final List<LeakageCase> cases;

    /**
     * Evaluates both leaks. The container creates this bean once, when the lessons are rendered as the app starts
     * (their widget shows it), so the training happens once, at startup, beside the app's other content.
     */
    LeakageLab(DatasetRepository datasets, LabSettings settings) {
        Dataset spam = datasets.load("spambase");
        this.cases = List.of(target(spam, settings), duplicates(spam, settings));
    }

    /** Returns both kinds of leak. */
    public List<LeakageCase> cases() {
        return cases;
    }

    private static LeakageCase target(Dataset data, LabSettings settings) {
        Split split = settings.split(withReports(data, settings.seed()));
        return new LeakageCase(
                "Target leakage: a column known only after the answer",
                "spambase",
                "logistic regression",
                "The leaky version adds a made-up column, \"a user reported it as spam\" (true for "
                        + Math.round(REPORTED_SPAM * 100) + " % of the spam and " + Math.round(REPORTED_GOOD * 100)
                        + " % of the good mail, by a seeded draw). In the stored data it is filled in, but a user "
                        + "reports a message only after it was delivered: at prediction time it does not exist yet.",
                logistic("without the column (what the model will have when serving)", split, false, settings),
                logistic("with the column known only afterwards (leak)", split, true, settings));
    }

    private static LeakageCase duplicates(Dataset data, LabSettings settings) {
        Split split = settings.split(data);
        Dataset honestTrain = withoutTwins(split.train(), split.test());
        long twinned = twinnedTestRows(split.train(), split.test());
        return new LeakageCase(
                "Duplicate rows on both sides of the split",
                "spambase",
                "1-nearest neighbour",
                "Spambase repeats some e-mails exactly. Split at random, a copy can land in training and its twin "
                        + "in the test, where a model that remembers rows answers from memory. The honest version "
                        + "drops from training the " + (split.train().size() - honestTrain.size()) + " rows that "
                        + "repeat a test row; both score the same "
                        + Numbers.whole(split.test().size()) + " test rows, of which "
                        + twinned + " have a twin in training: the leak can only touch those.",
                nearestNeighbour("twins of test rows removed from training", honestTrain, split.test()),
                nearestNeighbour("twins of test rows kept in training (leak)", split.train(), split.test()));
    }

    /**
     * Appends the made-up "reported as spam" column: 1 for a seeded {@link #REPORTED_SPAM} share of the spam and
     * {@link #REPORTED_GOOD} of the good mail.
     */
    static Dataset withReports(Dataset data, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            double[] row = Arrays.copyOf(data.features()[i], data.features()[i].length + 1);
            double share = data.labels()[i] == 1 ? REPORTED_SPAM : REPORTED_GOOD;
            row[row.length - 1] = random.nextDouble() < share ? 1 : 0;
            features[i] = row;
        }
        return new Dataset(data.info(), features, data.labels());
    }

    private static LeakageEvaluation logistic(String how, Split split, boolean withColumn, LabSettings settings) {
        double[][] train = columns(split.train().features(), withColumn);
        double[][] test = columns(split.test().features(), withColumn);
        Standardizer scaler = Standardizer.fit(train);
        ProbabilisticClassifier model =
                LogisticTrainer.fit(scaler.apply(train), split.train().labels(), settings.logistic());
        double[][] scaled = scaler.apply(test);
        int[] predicted = new int[scaled.length];
        double[] posterior = new double[2];
        for (int i = 0; i < scaled.length; i++) {
            predicted[i] = model.predict(scaled[i], posterior);
        }
        return evaluated(how, split.test().labels(), predicted);
    }

    /** Keeps every column, or every column but the last (the made-up one). */
    private static double[][] columns(double[][] rows, boolean all) {
        double[][] kept = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            kept[i] = all ? rows[i] : Arrays.copyOf(rows[i], rows[i].length - 1);
        }
        return kept;
    }

    private static LeakageEvaluation nearestNeighbour(String how, Dataset train, Dataset test) {
        Standardizer scaler = Standardizer.fit(train.features());
        KNN<double[]> model = KNN.fit(scaler.apply(train.features()), train.labels(), 1);
        int[] predicted = model.predict(scaler.apply(test.features()));
        return evaluated(how, test.labels(), predicted);
    }

    private static LeakageEvaluation evaluated(String how, int[] truth, int[] predicted) {
        return new LeakageEvaluation(how, truth.length, Metric.all(ConfusionCounts.of(truth, predicted)));
    }

    /** Keeps the training rows whose features repeat no test row. */
    static Dataset withoutTwins(Dataset train, Dataset test) {
        Set<List<Double>> tested = new HashSet<>();
        for (double[] row : test.features()) {
            tested.add(key(row));
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (!tested.contains(key(train.features()[i]))) {
                keep.add(i);
            }
        }
        return train.subset(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Counts the test rows whose features some training row repeats. */
    static long twinnedTestRows(Dataset train, Dataset test) {
        Set<List<Double>> trained = new HashSet<>();
        for (double[] row : train.features()) {
            trained.add(key(row));
        }
        return Arrays.stream(test.features())
                .filter(row -> trained.contains(key(row)))
                .count();
    }

    private static List<Double> key(double[] row) {
        List<Double> key = new ArrayList<>(row.length);
        for (double v : row) {
            key.add(v);
        }
        return key;
    }
}
