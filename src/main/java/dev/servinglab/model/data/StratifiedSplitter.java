package dev.servinglab.model.data;

import java.util.ArrayList;
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
            shuffle(rows, random);
            int nTest = (int) Math.round(rows.size() * options.testFraction());
            int nValidation = (int) Math.round(rows.size() * options.validationFraction());
            test.addAll(rows.subList(0, nTest));
            validation.addAll(rows.subList(nTest, nTest + nValidation));
            train.addAll(rows.subList(nTest + nValidation, rows.size()));
        }
        // Interleave the classes so that mini-batches and listings do not come sorted by class.
        shuffle(train, random);
        shuffle(validation, random);
        shuffle(test, random);
        return new Split(data.subset(toArray(train)), data.subset(toArray(validation)), data.subset(toArray(test)));
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

    /** Fisher–Yates with our own generator, so the order does not depend on the JDK's shuffle. */
    private static void shuffle(List<Integer> rows, Random random) {
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer tmp = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, tmp);
        }
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
