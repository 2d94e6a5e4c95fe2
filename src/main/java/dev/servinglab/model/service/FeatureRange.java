package dev.servinglab.model.service;

/**
 * Holds the smallest and largest value a feature took in the training rows.
 */
public record FeatureRange(String feature, String unit, double min, double max) {

    /** Tells whether a value lies inside the range, ends included. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
