package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.service.ServedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.stat.hypothesis.KSTest;

/**
 * Compares what a deployment was recently asked with what its current version was trained on: per feature the
 * population stability index over the training rows' quantiles and the two-sample Kolmogorov-Smirnov statistic
 * (Smile's), and the species mix of recent answers beside the training labels'. A live API has no labels, so these
 * are what can move before any accuracy can be measured.
 *
 * @param model     the current version, whose training rows are the reference
 * @param reference how many training rows the reference holds
 * @param requests  how many answered requests the window holds
 * @param window    how many requests the window keeps at most
 * @param features  one comparison per feature
 * @param classes   the species mix, training against recent answers
 */
public record DriftReport(
        String model, int reference, int requests, int window, List<FeatureDrift> features, ClassMix classes) {

    /**
     * Bins of the PSI at most: the training rows' quintiles (fewer where values repeat). Deciles are usual with
     * thousands of rows; with our 120 training rows, ten bins would hold 12 rows each and the PSI's noise floor
     * (see {@link FeatureDrift#psiNoise}) would be more than twice as high.
     */
    static final int BINS = 5;
    /** Added to every bin's count before shares are taken, so that an empty bin does not make the PSI infinite. */
    static final double SMOOTHING = 0.5;

    /** Compares a window of recent requests with the model's training rows. */
    static DriftReport of(ServedModel model, RecentRequests.Snapshot recent, int window) {
        Dataset training = model.training();
        List<FeatureDrift> features = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < recent.size(); i++) {
            answered += recent.species()[i] == RecentRequests.REFUSED ? 0 : 1;
        }
        for (int j = 0; j < training.featureNames().size(); j++) {
            double[] reference = column(training, j);
            features.add(FeatureDrift.of(training.featureNames().get(j), reference, recent.feature(j)));
        }
        return new DriftReport(
                model.name(), training.size(), answered, window, List.copyOf(features), ClassMix.of(training, recent));
    }

    private static double[] column(Dataset data, int j) {
        double[] column = new double[data.size()];
        for (int i = 0; i < column.length; i++) {
            // Compare like with like: the window keeps its measurements as floats, and 0.2 as a float is not 0.2 as a
            // double, which would put values that sit on a bin's edge into the next bin.
            column[i] = (float) data.features()[i][j];
        }
        return column;
    }

    /**
     * Compares one feature.
     *
     * @param feature        its name
     * @param trainingMean   its mean in the training rows
     * @param recentMean     its mean in the window, or null when the window is empty
     * @param psi            population stability index over the bins, or null when the window is empty
     * @param psiNoise       the PSI two samples of these sizes from one population show on average, (bins - 1) x
     *                       (1 / training rows + 1 / requests): a PSI near it is noise. The level grades the PSI
     *                       above it.
     * @param ks             the two-sample Kolmogorov-Smirnov statistic D, or null when the window is empty
     * @param ksPValue       its p-value, or null when the window is empty
     * @param level          the PSI's grade
     * @param edges          the bins' inner edges (a value equal to an edge goes to the bin above it)
     * @param trainingShares the share of training rows in each bin
     * @param recentShares   the share of recent requests in each bin
     */
    public record FeatureDrift(
            String feature,
            double trainingMean,
            Double recentMean,
            Double psi,
            Double psiNoise,
            Double ks,
            Double ksPValue,
            DriftLevel level,
            List<Double> edges,
            List<Double> trainingShares,
            List<Double> recentShares) {

        static FeatureDrift of(String feature, double[] training, double[] recent) {
            double[] edges = edges(training);
            double[] expected = shares(training, edges);
            double[] actual = shares(recent, edges);
            Double psi = null;
            Double noise = null;
            Double ks = null;
            Double p = null;
            Double recentMean = null;
            if (recent.length > 0) {
                double sum = 0;
                for (int b = 0; b < expected.length; b++) {
                    sum += (actual[b] - expected[b]) * Math.log(actual[b] / expected[b]);
                }
                psi = sum;
                noise = (expected.length - 1) * (1.0 / training.length + 1.0 / recent.length);
                // Smile sorts what it is given: hand it copies.
                KSTest test = KSTest.test(recent.clone(), training.clone());
                ks = test.d();
                p = test.pvalue();
                recentMean = Arrays.stream(recent).average().orElseThrow();
            }
            return new FeatureDrift(
                    feature,
                    Arrays.stream(training).average().orElse(Double.NaN),
                    recentMean,
                    psi,
                    noise,
                    ks,
                    p,
                    DriftLevel.of(psi == null ? 0 : Math.max(0, psi - noise), recent.length),
                    boxed(edges),
                    boxed(expected),
                    recent.length == 0 ? List.of() : boxed(actual));
        }

        /** Returns the training values' inner quantile edges, without repeats. */
        static double[] edges(double[] training) {
            double[] sorted = training.clone();
            Arrays.sort(sorted);
            double[] edges = new double[BINS - 1];
            int n = 0;
            for (int k = 1; k < BINS; k++) {
                double edge = sorted[(int) Math.floor((double) k * sorted.length / BINS)];
                if (n == 0 || edge > edges[n - 1]) {
                    edges[n++] = edge;
                }
            }
            return Arrays.copyOf(edges, n);
        }

        /** Returns the smoothed share of values in each bin (one more bin than there are edges). */
        static double[] shares(double[] values, double[] edges) {
            double[] counts = new double[edges.length + 1];
            for (double value : values) {
                int bin = 0;
                while (bin < edges.length && value >= edges[bin]) {
                    bin++;
                }
                counts[bin]++;
            }
            double total = values.length + SMOOTHING * counts.length;
            for (int b = 0; b < counts.length; b++) {
                counts[b] = (counts[b] + SMOOTHING) / total;
            }
            return counts;
        }

        private static List<Double> boxed(double[] values) {
            return Arrays.stream(values).boxed().toList();
        }
    }

    /**
     * Compares the species mix.
     *
     * @param classes  the species
     * @param training the share of each in the training rows
     * @param recent   the share of each among recent answers (empty when there are none)
     */
    public record ClassMix(List<String> classes, List<Double> training, List<Double> recent) {

        static ClassMix of(Dataset training, RecentRequests.Snapshot window) {
            int k = training.classNames().size();
            double[] trained = new double[k];
            for (int label : training.labels()) {
                trained[label] += 1.0 / training.size();
            }
            double[] asked = new double[k];
            int answered = 0;
            for (int i = 0; i < window.size(); i++) {
                int species = window.species()[i];
                if (species >= 0 && species < k) {
                    asked[species]++;
                    answered++;
                }
            }
            List<Double> recent = new ArrayList<>();
            for (int c = 0; answered > 0 && c < k; c++) {
                recent.add(asked[c] / answered);
            }
            return new ClassMix(
                    training.classNames(), Arrays.stream(trained).boxed().toList(), List.copyOf(recent));
        }
    }
}
