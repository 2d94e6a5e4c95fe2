package dev.servinglab.evaluation.calibration.service;

import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.service.BuiltInModels;
import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.UnknownModelException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the reliability diagram of a built-in model: every probability it gives on the flowers it never learned
 * from, binned, against how often it was right.
 *
 * <p>The test split alone holds only 30 flowers, too few to fill ten bins. The validation flowers are just as
 * unseen (the built-in model only watches them, it never learns from them, and stops by the epoch count), so both
 * are used. And each flower gives one prediction per class ("setosa with probability 0.02"), so that the low bins
 * fill as well as the high ones: one-versus-rest, the usual reliability diagram of a multi-class model.
 */
@ApplicationScoped
public class Calibration {

    /** The fewest bins a diagram may have. */
    public static final int MIN_BINS = 2;
    /** The most bins a diagram may have: beyond, most bins of so few rows are empty. */
    public static final int MAX_BINS = 20;
    /** What a bad bin count breaks, as an answer names it. */
    public static final String BINS_RULE = "must be a whole number from 2 to 20";
    /** The bin counts {@link #BINS_RULE} allows, as a regular expression for a query parameter. */
    public static final String BINS_PATTERN = "[2-9]|1[0-9]|20";

    private final BuiltInModels builtIns;
    private final ModelRegistry registry;
    private volatile Split split;

    Calibration(BuiltInModels builtIns, ModelRegistry registry) {
        this.builtIns = builtIns;
        this.registry = registry;
    }

    /**
     * Bins every probability a built-in model gives on the validation and test flowers.
     *
     * @param model a built-in model's name; empty for the default model
     * @param bins  how many equal-width bins, {@value #MIN_BINS} to {@value #MAX_BINS}
     * @throws UnknownModelException if the model is not a built-in one (a promoted run has a split of its own)
     */
    public ReliabilityDiagram diagram(String model, int bins) {
        if (bins < MIN_BINS || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins " + BINS_RULE + ": " + bins);
        }
        ServedModel served = registry.find(model)
                .filter(found -> registry.isBuiltIn(found.name()))
                .orElseThrow(() -> new UnknownModelException(model, builtInNames()));
        Split heldOut = split();
        int classes = served.classCount();
        int[] count = new int[bins];
        int[] hits = new int[bins];
        double[] sum = new double[bins];
        double[] probabilities = new double[classes];
        int rows = 0;
        for (Dataset part : List.of(heldOut.validation(), heldOut.test())) {
            for (int i = 0; i < part.size(); i++) {
                served.classifier().predict(served.scaler().apply(part.features()[i]), probabilities);
                for (int c = 0; c < classes; c++) {
                    int bin = Math.min(bins - 1, (int) Math.floor(probabilities[c] * bins));
                    count[bin]++;
                    sum[bin] += probabilities[c];
                    if (part.labels()[i] == c) {
                        hits[bin]++;
                    }
                }
                rows++;
            }
        }
        List<ReliabilityBin> binned = new ArrayList<>();
        double weightedGap = 0;
        for (int b = 0; b < bins; b++) {
            Double mean = count[b] == 0 ? null : sum[b] / count[b];
            Double observed = count[b] == 0 ? null : (double) hits[b] / count[b];
            binned.add(
                    new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b], hits[b], mean, observed));
            if (count[b] > 0) {
                weightedGap += count[b] * Math.abs(observed - mean);
            }
        }
        int predictions = rows * classes;
        String rowsUsed = "the %d validation and %d test flowers, which the model never learned from"
                .formatted(heldOut.validation().size(), heldOut.test().size());
        return new ReliabilityDiagram(
                served.name(), rowsUsed, rows, classes, predictions, binned, weightedGap / predictions);
    }

    /** Returns the names of the built-in models, for an answer naming an unknown one. */
    public List<String> builtInNames() {
        return registry.all().stream()
                .map(ServedModel::name)
                .filter(registry::isBuiltIn)
                .toList();
    }

    /** Returns the built-in models' split, drawn once: it is the same on every call. */
    private Split split() {
        Split drawn = split;
        if (drawn == null) {
            drawn = builtIns.irisSplit();
            split = drawn;
        }
        return drawn;
    }
}
