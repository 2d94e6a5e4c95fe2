package dev.servinglab.model.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits a data set into train, validation and test parts that keep every class's share.
 */
public final class StratifiedSplitter {

    /**
     * Holds the fractions of a split and its seed.
     *
     * @param validationFraction share of every class for validation, in [0, 0.5]
     * @param testFraction       share of every class for test, in (0, 0.5]
     * @param seed               seed of the shuffle; the same seed gives the same split
     */
    public record Options(double validationFraction, double testFraction, long seed) {
        public Options {
            if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
                throw new IllegalArgumentException("validationFraction must be in [0, 0.5]: " + validationFraction);
            }
            if (!(testFraction > 0 && testFraction <= 0.5)) {
                throw new IllegalArgumentException("testFraction must be in (0, 0.5]: " + testFraction);
            }
        }
    }

    private StratifiedSplitter() {}

    /**
     * Shuffles each class with a seeded generator and cuts it into test, validation and train rows.
     */
    public static Split split(Dataset data, Options options) {
        Random random = new Random(options.seed());
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < data.classNames().size(); k++) {
            List<Integer> rows = rowsOfClass(data, k);
            Collections.shuffle(rows, random);
            int nTest = (int) Math.round(rows.size() * options.testFraction());
            int nValidation = (int) Math.round(rows.size() * options.validationFraction());
            test.addAll(rows.subList(0, nTest));
            validation.addAll(rows.subList(nTest, nTest + nValidation));
            train.addAll(rows.subList(nTest + nValidation, rows.size()));
        }
        // Interleave the classes so that mini-batches and listings do not come sorted by class.
        Collections.shuffle(train, random);
        Collections.shuffle(validation, random);
        Collections.shuffle(test, random);
        return new Split(data.subset(toArray(train)), data.subset(toArray(validation)), data.subset(toArray(test)));
    }

    /**
     * Keeps exactly {@code rows} rows of a data set, the first of every class in its order, shared out between the
     * classes by their sizes (largest remainder first) with at least one row each. Taken from a split's shuffled
     * training rows, it is a smaller stratified sample of them.
     *
     * @param rows how many rows to keep, at least the number of classes and at most the data set's size
     */
    public static Dataset head(Dataset data, int rows) {
        int classes = data.classNames().size();
        if (rows < classes || rows > data.size()) {
            throw new IllegalArgumentException(
                    "rows must be in " + classes + " … " + data.size() + " to keep every class: " + rows);
        }
        int[] perClass = new int[classes];
        for (int label : data.labels()) {
            perClass[label]++;
        }
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int given = 0;
        for (int k = 0; k < classes; k++) {
            double share = (double) perClass[k] * rows / data.size();
            quota[k] = Math.min(perClass[k], Math.max(1, (int) Math.floor(share)));
            remainder[k] = share - Math.floor(share);
            given += quota[k];
        }
        while (given < rows) {
            int next = -1;
            for (int k = 0; k < classes; k++) {
                if (quota[k] < perClass[k] && (next < 0 || remainder[k] > remainder[next])) {
                    next = k;
                }
            }
            quota[next]++;
            remainder[next] = -1;
            given++;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int label = data.labels()[i];
            if (quota[label] > 0) {
                quota[label]--;
                kept.add(i);
            }
        }
        return data.subset(toArray(kept));
    }

    private static List<Integer> rowsOfClass(Dataset data, int label) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.labels()[i] == label) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
