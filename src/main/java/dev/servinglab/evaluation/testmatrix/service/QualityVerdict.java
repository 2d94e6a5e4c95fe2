package dev.servinglab.evaluation.testmatrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.content.LiveSource;
import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.web.format.Numbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Map;

/**
 * Judges each served model's test metrics against lesson 6's rough bars, and says how far its test accuracy can
 * be trusted, so that the lessons state verdicts computed from the running model rather than typed by hand. Publishes
 * the document {@value #SOURCE}: the bars ({@code bars.good_score} …) and one verdict per model by name
 * ({@code verdict.mlp.accuracy_verdict}).
 */
@ApplicationScoped
public class QualityVerdict implements LiveSource {

    /** The live-value source name of the verdicts. */
    public static final String SOURCE = "verdict";

    /** Precision or recall above this is good, by the rule of thumb most sources give. */
    public static final double GOOD_SCORE = 0.8;

    /** The stricter bar some sources give for precision and recall. */
    public static final double STRICT_SCORE = 0.85;

    /** Precision or recall under this is bad. */
    public static final double BAD_SCORE = 0.5;

    /** Accuracy on balanced classes above this band (its low end) is good. */
    public static final double GOOD_ACCURACY_LOW = 0.85;

    /** The band's high end. */
    public static final double GOOD_ACCURACY_HIGH = 0.9;

    /** Validation loss may end this far above its best before the curves count as overfitting: noise, not a rise. */
    static final double LOSS_RISE = 0.1;

    /** The z of a two-sided 95 % interval. */
    private static final double Z95 = 1.959964;

    private final ModelRegistry models;

    QualityVerdict(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public Map<String, JsonNode> documents() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ObjectNode bars = document.putObject("bars");
        bars.put("good_score", GOOD_SCORE);
        bars.put("strict_score", STRICT_SCORE);
        bars.put("bad_score", BAD_SCORE);
        bars.put("good_accuracy_low", GOOD_ACCURACY_LOW);
        bars.put("good_accuracy_high", GOOD_ACCURACY_HIGH);
        bars.put("good_accuracy", accuracyBand());
        for (ServedModel model : models.all()) {
            document.set(model.name(), judge(model));
        }
        return Map.of(SOURCE, document);
    }

    /** Judges one model's test metrics. */
    static ObjectNode judge(ServedModel model) {
        Evaluation test = model.test();
        int n = test.size();
        double accuracy = test.accuracy();
        double[] interval = wilson(Math.round(accuracy * n), n);
        double chance = 1.0 / test.classes().size();
        Evaluation.ClassMetrics weakest = test.perClass().stream()
                .min(Comparator.comparingDouble(c -> c.recall() == null ? 0 : c.recall()))
                .orElseThrow();
        double weakestRecall = weakest.recall() == null ? 0 : weakest.recall();

        ObjectNode verdict = JsonNodeFactory.instance.objectNode();
        verdict.put("test_size", n);
        verdict.put("one_row", 1.0 / n);
        verdict.put("accuracy", accuracy);
        verdict.put("accuracy_low", interval[0]);
        verdict.put("accuracy_high", interval[1]);
        verdict.put("chance", chance);
        verdict.put("weakest_class", weakest.className());
        verdict.put("weakest_recall", weakestRecall);
        verdict.put("accuracy_verdict", accuracyVerdict(accuracy, chance));
        verdict.put("recall_verdict", recallVerdict(weakestRecall));
        boolean good = accuracy >= GOOD_ACCURACY_LOW && weakestRecall >= GOOD_SCORE;
        verdict.put(
                "verdict",
                good
                        ? "good enough by the rough bars, within the caveats below"
                        : "not good enough by the rough bars: " + weakest.className() + " is the weak spot");
        if (!model.history().isEmpty()) {
            EpochMetrics last = model.history().getLast();
            EpochMetrics best = model.history().stream()
                    .min(Comparator.comparingDouble(EpochMetrics::validationLoss))
                    .orElseThrow();
            verdict.put("train_accuracy", last.trainAccuracy());
            verdict.put("validation_accuracy", last.validationAccuracy());
            verdict.put("curve_verdict", curveVerdict(best, last));
        }
        return verdict;
    }

    /**
     * Reads overfitting off the loss curves rather than off a train/test gap: has validation loss risen clearly
     * (more than {@link #LOSS_RISE}) above its best while training went on?
     */
    static String curveVerdict(EpochMetrics best, EpochMetrics last) {
        String finalLoss = "validation loss ended at " + Numbers.dp3(last.validationLoss());
        String bestLoss = "its best (" + Numbers.dp3(best.validationLoss()) + ", at epoch " + best.epoch() + ")";
        if (last.validationLoss() <= best.validationLoss() * (1 + LOSS_RISE)) {
            return finalLoss + ", within " + Numbers.percent(LOSS_RISE, 0) + " of " + bestLoss + ", beside a "
                    + "training loss of " + Numbers.dp3(last.trainLoss()) + ": the curves show no overfitting";
        }
        return finalLoss + ", " + Numbers.percent(last.validationLoss() / best.validationLoss() - 1, 0) + " above "
                + bestLoss + ", while training loss fell to " + Numbers.dp3(last.trainLoss())
                + ": the curves show overfitting";
    }

    private static String accuracyBand() {
        return Numbers.percent(GOOD_ACCURACY_LOW, 0).replace(" %", "") + "–" + Numbers.percent(GOOD_ACCURACY_HIGH, 0);
    }

    private static String accuracyVerdict(double accuracy, double chance) {
        String band = accuracyBand();
        if (accuracy >= GOOD_ACCURACY_HIGH) {
            return "above the " + band + " bar";
        }
        if (accuracy >= GOOD_ACCURACY_LOW) {
            return "inside the " + band + " band, at the edge of good";
        }
        return accuracy >= 2 * chance ? "below the " + band + " bar, though far above chance" : "near chance";
    }

    private static String recallVerdict(double recall) {
        if (recall >= STRICT_SCORE) {
            return "above even the stricter " + Numbers.dp2(STRICT_SCORE) + " bar";
        }
        if (recall >= GOOD_SCORE) {
            return "above the " + Numbers.dp2(GOOD_SCORE) + " bar";
        }
        if (recall >= BAD_SCORE) {
            return "below the " + Numbers.dp2(GOOD_SCORE) + " bar, though above the " + Numbers.dp2(BAD_SCORE)
                    + " of a bad model";
        }
        return "under " + Numbers.dp2(BAD_SCORE) + ", a bad sign";
    }

    /**
     * Returns the Wilson score interval (95 %) of a share of {@code hits} in {@code n}: where the true accuracy
     * plausibly lies, given a test of {@code n} rows.
     */
    static double[] wilson(long hits, int n) {
        double p = (double) hits / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
