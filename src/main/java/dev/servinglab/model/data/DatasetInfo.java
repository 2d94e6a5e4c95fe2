package dev.servinglab.model.data;

import java.util.List;

/**
 * Describes a shipped data set: its columns, classes and provenance.
 *
 * @param name         short name used in URLs, e.g. {@code iris}
 * @param file         the CSV file under {@code datasets/}
 * @param title        a human-readable title
 * @param featureNames feature columns in order; empty in the catalogue when the file's header names them
 * @param unit         the unit of every feature, or an empty string
 * @param labelColumn  the label column (always the last one)
 * @param classNames   class names in label order
 * @param labelValues  the label values as written in the file, in the same order
 * @param source       the original source and citation
 * @param license      the licence of the data
 * @param bounds       the values a request may send for every feature
 */
public record DatasetInfo(
        String name,
        String file,
        String title,
        List<String> featureNames,
        String unit,
        String labelColumn,
        List<String> classNames,
        List<String> labelValues,
        String source,
        String license,
        Bounds bounds) {

    /**
     * Holds the values a feature of this data set can take in a request, and what to say of one outside them.
     *
     * @param minimum         the smallest value
     * @param minimumIncluded whether the minimum itself is allowed
     * @param belowMinimum    the message for a value below it
     * @param maximum         the largest value, allowed
     * @param aboveMaximum    the message for a value above it
     */
    public record Bounds(
            double minimum, boolean minimumIncluded, String belowMinimum, double maximum, String aboveMaximum) {

        /** Tells whether the value is below the minimum. */
        public boolean belowMinimum(double value) {
            return minimumIncluded ? value < minimum : value <= minimum;
        }
    }

    /**
     * Describes it in a line for a menu: {@code Iris flowers (Fisher, 1936): 3 classes, 4 features}. The feature
     * count is that of a description read from the file ({@link DatasetRepository#info}).
     */
    public String label() {
        return title + ": " + classNames.size() + " classes, " + featureNames.size() + " features";
    }

    /** Returns the same description with the feature names read from the file. */
    public DatasetInfo withFeatureNames(List<String> names) {
        return new DatasetInfo(
                name,
                file,
                title,
                List.copyOf(names),
                unit,
                labelColumn,
                classNames,
                labelValues,
                source,
                license,
                bounds);
    }
}
