package dev.servinglab.evaluation.threshold.service;

import dev.servinglab.evaluation.service.BinaryScores;
import dev.servinglab.evaluation.service.ConfusionCounts;
import dev.servinglab.evaluation.service.LabSettings;
import dev.servinglab.evaluation.service.Metric;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.web.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.validation.metric.AUC;

/**
 * Trains a logistic regression on each binary data set (breast cancer, spambase) with a seeded split, keeps its
 * predictions on the held-out rows, and answers what a decision threshold does to them.
 */
@ApplicationScoped
public class ThresholdLab {

    /**
     * The goals of the lab, one per data set: a disease screen missing almost no one, a spam filter users trust.
     * Each is reachable with the slider's own steps ({@link #SLIDER_STEP}): {@link #passing} lists where.
     */
    public static final List<ThresholdChallenge> CHALLENGES = List.of(
            new ThresholdChallenge(
                    "breast-cancer",
                    "Disease screen (breast cancer, positive: malignant)",
                    "Pick a threshold for a disease screen: miss at most 1 malignant case in 20 (recall at least "
                            + "0.95), while keeping at least 80 % of the alarms real (precision at least 0.8).",
                    0.8,
                    0.95),
            new ThresholdChallenge(
                    "spambase",
                    "Spam filter (spambase, positive: spam)",
                    "Pick a threshold for a spam filter people can trust: at most 1 message in 20 sent to the spam "
                            + "folder may be a good one (precision at least 0.95), while still catching at least 60 % "
                            + "of the spam.",
                    0.95,
                    0.6));

    /** The binary data sets of the lab, in the order of their goals; the page opens on the first. */
    public static final List<String> DATASETS =
            CHALLENGES.stream().map(ThresholdChallenge::dataset).toList();

    /** The rule a threshold follows, in the words every answer about a broken one uses. */
    public static final String THRESHOLD_RULE = "must be a number from 0 to 1";

    /** The step of the lab's slider, and of its curves: thresholds 0, 0.01 … 1. */
    public static final double SLIDER_STEP = 0.01;

    private static final int CURVE_POINTS = (int) Math.round(1 / SLIDER_STEP) + 1;

    private final Map<String, Scored> scored;

    /** The held-out scores of a data set's model, with the curves that do not depend on the threshold. */
    private record Scored(BinaryScores scores, Curves curves) {}

    /** Holds a model's curves over every threshold and its AUC: the same whatever threshold a learner picks. */
    record Curves(List<CurvePoint> roc, List<CurvePoint> precisionRecall, double auc) {}

    /**
     * Trains a model per data set. The container creates this bean once, when the lessons are rendered as the app
     * starts (their widget shows the lab at 0.5), so the training happens once, at startup.
     */
    ThresholdLab(DatasetRepository datasets, LabSettings settings) {
        Map<String, Scored> trained = new LinkedHashMap<>();
        for (String name : DATASETS) {
            BinaryScores s = BinaryScores.of(datasets.load(name), settings);
            trained.put(name, new Scored(s, curves(s)));
        }
        this.scored = Map.copyOf(trained);
    }

    /**
     * Checks a threshold against the goal of a data set.
     *
     * @throws ResourceNotFoundException for a data set the lab does not have
     */
    public ThresholdVerdict check(String dataset, double threshold) {
        ThresholdChallenge challenge = CHALLENGES.stream()
                .filter(c -> c.dataset().equals(dataset))
                .findFirst()
                .orElseThrow(() -> unknown(dataset));
        return verdict(challenge, scored(dataset).scores(), threshold);
    }

    /**
     * Lists the thresholds the slider can reach (0, 0.01 … 1) that meet a data set's goal.
     *
     * @throws ResourceNotFoundException for a data set the lab does not have
     */
    public List<Double> passing(String dataset) {
        List<Double> passing = new ArrayList<>();
        for (int i = 0; i < CURVE_POINTS; i++) {
            double t = i / (double) (CURVE_POINTS - 1);
            if (check(dataset, t).met()) {
                passing.add(t);
            }
        }
        return passing;
    }

    private static ThresholdVerdict verdict(ThresholdChallenge c, BinaryScores s, double threshold) {
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
        return new ThresholdVerdict(c, threshold, precise && sensitive, precision, recall, message);
    }

    /**
     * Returns the held-out predictions of a data set's model.
     *
     * @throws ResourceNotFoundException for a data set the lab does not have
     */
    BinaryScores scores(String dataset) {
        return scored(dataset).scores();
    }

    /**
     * Shows a threshold on a data set.
     *
     * @throws ResourceNotFoundException for a data set the lab does not have
     */
    public ThresholdEffect effect(String dataset, double threshold) {
        Scored s = scored(dataset);
        return effect(s.scores(), s.curves(), threshold);
    }

    private Scored scored(String dataset) {
        Scored s = scored.get(dataset);
        if (s == null) {
            throw unknown(dataset);
        }
        return s;
    }

    private static ResourceNotFoundException unknown(String dataset) {
        return new ResourceNotFoundException(
                "no data set '" + dataset + "'; the threshold lab has " + String.join(", ", DATASETS));
    }

    static ThresholdEffect effect(BinaryScores s, Curves curves, double threshold) {
        ConfusionCounts counts = s.at(threshold);
        return new ThresholdEffect(
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
        List<CurvePoint> roc = new ArrayList<>();
        List<CurvePoint> pr = new ArrayList<>();
        for (int i = 0; i < CURVE_POINTS; i++) {
            double t = i / (double) (CURVE_POINTS - 1);
            ConfusionCounts c = s.at(t);
            Double fpr = c.fp() + c.tn() == 0 ? null : c.fp() / (double) (c.fp() + c.tn());
            roc.add(new CurvePoint(t, fpr, Metric.RECALL.of(c)));
            pr.add(new CurvePoint(t, Metric.RECALL.of(c), Metric.PRECISION.of(c)));
        }
        return new Curves(List.copyOf(roc), List.copyOf(pr), AUC.of(s.truth(), s.scores()));
    }
}
