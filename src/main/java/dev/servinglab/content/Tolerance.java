package dev.servinglab.content;

/**
 * Compares a learner's number with the expected one, as quizzes and exercises grade it.
 */
public final class Tolerance {

    /** A hair of slack so that binary rounding never refuses, say, 0.86 for 0.85 ± 0.01. */
    private static final double SLACK = 1e-9;

    private Tolerance() {}

    /** Tells whether the given number is within the tolerance of the expected one. */
    public static boolean within(double given, double expected, double tolerance) {
        return Math.abs(given - expected) <= tolerance + SLACK;
    }
}
