package dev.servinglab.web.format;

import java.util.Locale;

/**
 * Writes numbers for people, the same way on every page, message and log line; the page scripts' {@code format.js}
 * writes them the same way in the browser. Always with a full stop for decimals, whatever the server's locale.
 */
public final class Numbers {

    /** What a metric with a zero denominator is called. */
    public static final String UNDEFINED = "undefined";

    private Numbers() {}

    /** Writes a number with two decimals: {@code 0.87}. */
    public static String dp2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Writes a number with three decimals: {@code 0.867}. */
    public static String dp3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Writes a share as a percentage with one decimal: {@code 86.7 %}. */
    public static String percent(double share) {
        return percent(share, 1);
    }

    /** Writes a share as a percentage with the given decimals: {@code 87 %} for none. */
    public static String percent(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", share * 100);
    }

    /**
     * Writes a number as forms and JSON Schema write it, with no needless decimals and no separator: {@code 5},
     * not {@code 5.0}; {@code 0.05}.
     */
    public static String plain(double value) {
        return isWhole(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Tells whether a number is whole and small enough to be written without decimals: below 10^15 every such double
     * is exactly a long, beyond it a double's digits are no longer all significant.
     */
    public static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15;
    }

    /** Writes a whole number with thousands separated by commas: {@code 1,000}; others are rounded to one. */
    public static String whole(double value) {
        // By hand rather than with String.format("%,d"): quiz problems write several numbers for every learner on
        // every view, and the formatter allocated nine times as much for each (992 bytes against 112).
        String digits = Long.toString(Math.round(value));
        int sign = digits.charAt(0) == '-' ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + (length - 1) / 3);
        int firstGroup = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, 0, sign + firstGroup);
        for (int at = sign + firstGroup; at < digits.length(); at += 3) {
            out.append(',').append(digits, at, at + 3);
        }
        return out.toString();
    }

    /** Writes a metric that may be undefined (a zero denominator) with three decimals, else {@value #UNDEFINED}. */
    public static String metric(Double value) {
        return value == null ? UNDEFINED : dp3(value);
    }

    /** Writes a duration in nanoseconds as microseconds: {@code 12.3 µs}. */
    public static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1000.0);
    }
}
