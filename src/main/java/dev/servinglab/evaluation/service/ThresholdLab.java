package dev.servinglab.evaluation.service;

import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.service.LogisticTrainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import smile.validation.metric.AUC;

/**
 * Trains a logistic regression on each binary data set (breast cancer, spambase) with a seeded split, keeps its
 * predictions on the held-out rows, and answers what a decision threshold does to them.
 */
@ApplicationScoped
public class ThresholdLab {

    /** The binary data sets and their positive class. */
    public static final List<String> DATASETS = List.of("breast-cancer", "spambase");
    /** Share of every class held out for evaluation. */
    static final double TEST_FRACTION = 0.3;

    private static final int CURVE_POINTS = 101;

    private final DatasetRepository datasets;
    private final long seed;
    private final LogisticTrainer.Options options;
    private Map<String, Scored> scored;

    /** The held-out scores of a data set's model, with the curves that do not depend on the threshold. */
    private record Scored(BinaryScores scores, Curves curves) {}

    /**
     * Holds a model's curves over every threshold and its AUC: the same whatever threshold a learner picks.
     */
    record Curves(List<Point> roc, List<Point> precisionRecall, double auc) {}

    @Inject
    ThresholdLab(DatasetRepository datasets, ModelConfig config) {
        this(datasets, config.seed(), LogisticTrainer.Options.of(config.logistic()));
    }

    ThresholdLab(DatasetRepository datasets, long seed, LogisticTrainer.Options options) {
        this.datasets = datasets;
        this.seed = seed;
        this.options = options;
    }

    /**
     * Shows one point of a curve: the threshold and the two rates it gives.
     */
    @Schema(name = "CurvePoint")
    public record Point(double threshold, Double x, Double y) {}

    /**
     * Shows what a threshold does on a data set's held-out rows, with the whole precision–recall and ROC curves.
     */
    @Schema(name = "ThresholdView")
    public record View(
            String dataset,
            String positive,
            String negative,
            int testSize,
            double threshold,
            ConfusionCounts counts,
            Map<String, Double> metrics,
            double auc,

            @Schema(description = "x = false-positive rate, y = true-positive rate (recall)")
            List<Point> roc,

            @Schema(description = "x = recall, y = precision (null where undefined)")
            List<Point> precisionRecall) {}

    /**
     * Sets a goal a learner must reach by choosing a threshold.
     *
     * @param dataset       the data set it applies to
     * @param prompt        the task, in words
     * @param minPrecision  the precision the threshold must keep
     * @param minRecall     the recall the threshold must keep
     */
    @Schema(name = "ThresholdChallenge")
    public record Challenge(String dataset, String prompt, double minPrecision, double minRecall) {}

    /**
     * Says whether a threshold meets its data set's goal.
     */
    @Schema(name = "ThresholdVerdict")
    public record Verdict(
            Challenge challenge, double threshold, boolean met, Double precision, Double recall, String message) {}

    /** The goals of the lab: a spam filter users trust, a disease screen that misses almost no one. */
    public static final List<Challenge> CHALLENGES = List.of(
            new Challenge(
                    "spambase",
                    "Pick a threshold for a spam filter people can trust: at most 1 message in 20 "
                            + "sent to the spam folder may be a good one (precision at least 0.95), while still catching at "
                            + "least 60 % of the spam.",
                    0.95,
                    0.6),
            new Challenge(
                    "breast-cancer",
                    "Pick a threshold for a disease screen: miss at most 2 malignant cases in "
                            + "100 (recall at least 0.98), while keeping at least 60 % of the alarms real.",
                    0.6,
                    0.98));

    /**
     * Checks a threshold against the goal of a data set.
     */
    public Optional<Verdict> check(String dataset, double threshold) {
        Optional<Challenge> challenge =
                CHALLENGES.stream().filter(c -> c.dataset().equals(dataset)).findFirst();
        return challenge.flatMap(c -> scores(dataset).map(s -> verdict(c, s, threshold)));
    }

    private static Verdict verdict(Challenge c, BinaryScores s, double threshold) {
        ConfusionCounts counts = s.at(threshold);
        Double precision = Metric.PRECISION.of(counts);
        Double recall = Metric.RECALL.of(counts);
        boolean precise = precision != null && precision >= c.minPrecision();
        boolean sensitive = recall != null && recall >= c.minRecall();
        String message = precise && sensitive
                ? "Goal met: this threshold fits the job."
                : !precise && !sensitive
                        ? "Neither goal is met: this model cannot reach both here."
                        : !precise
                                ? "Too many false alarms: precision is below " + c.minPrecision()
                                        + ". Raise the threshold."
                                : "Too many misses: recall is below " + c.minRecall() + ". Lower the threshold.";
        return new Verdict(c, threshold, precise && sensitive, precision, recall, message);
    }

    /**
     * Returns the held-out predictions of a data set's model, training it on first use.
     */
    public Optional<BinaryScores> scores(String dataset) {
        return Optional.ofNullable(all().get(dataset)).map(Scored::scores);
    }

    /**
     * Shows a threshold on a data set.
     */
    public Optional<View> view(String dataset, double threshold) {
        return Optional.ofNullable(all().get(dataset)).map(s -> view(s.scores(), s.curves(), threshold));
    }

    static View view(BinaryScores s, Curves curves, double threshold) {
        ConfusionCounts counts = s.at(threshold);
        return new View(
                s.dataset(),
                s.positive(),
                s.negative(),
                s.truth().length,
                threshold,
                counts,
                Metric.all(counts),
                curves.auc(),
                curves.roc(),
                curves.precisionRecall());
    }

    /**
     * Sweeps the thresholds 0, 0.01 … 1 for both curves and computes the AUC.
     */
    static Curves curves(BinaryScores s) {
        List<Point> roc = new ArrayList<>();
        List<Point> pr = new ArrayList<>();
        for (int i = 0; i < CURVE_POINTS; i++) {
            double t = i / (double) (CURVE_POINTS - 1);
            ConfusionCounts c = s.at(t);
            Double fpr = c.fp() + c.tn() == 0 ? null : c.fp() / (double) (c.fp() + c.tn());
            roc.add(new Point(t, fpr, Metric.RECALL.of(c)));
            pr.add(new Point(t, Metric.RECALL.of(c), Metric.PRECISION.of(c)));
        }
        return new Curves(List.copyOf(roc), List.copyOf(pr), AUC.of(s.truth(), s.scores()));
    }

    private synchronized Map<String, Scored> all() {
        if (scored == null) {
            Map<String, Scored> trained = new LinkedHashMap<>();
            for (String name : DATASETS) {
                BinaryScores s = BinaryScores.of(datasets.load(name), TEST_FRACTION, seed, options);
                trained.put(name, new Scored(s, curves(s)));
            }
            scored = trained;
        }
        return scored;
    }
}
