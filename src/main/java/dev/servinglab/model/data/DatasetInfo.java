package dev.servinglab.model.data;

import java.util.List;

/**
 * Describes a shipped data set: its columns, classes and provenance.
 *
 * @param name         short name used in URLs, e.g. {@code iris}
 * @param file         the CSV file under {@code datasets/}
 * @param title        a human-readable title
 * @param featureNames feature columns in order
 * @param unit         the unit of every feature, or an empty string
 * @param labelColumn  the label column (always the last one)
 * @param classNames   class names in label order
 * @param source       the original source and citation
 * @param license      the licence of the data
 */
public record DatasetInfo(String name, String file, String title, List<String> featureNames, String unit,
        String labelColumn, List<String> classNames, String source, String license) {
}
