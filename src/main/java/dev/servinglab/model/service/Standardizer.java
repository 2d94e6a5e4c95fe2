package dev.servinglab.model.service;

/**
 * Standardises features: {@code z = (x - mean) / std}, with the parameters learnt from training rows only.
 *
 * <p>The standard deviation is the population one (divide by n), as scikit-learn's {@code StandardScaler}
 * computes it; a constant column keeps a std of 1 so that it maps to 0 rather than to infinity.
 *
 * @param mean per-feature mean of the training rows
 * @param std  per-feature standard deviation of the training rows
 */
public record Standardizer(double[] mean, double[] std) {

    public Standardizer {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Fits the mean and standard deviation of every column.
     */
    public static Standardizer fit(double[][] rows) {
        int p = rows[0].length;
        double[] mean = new double[p];
        double[] std = new double[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            std[j] = Math.sqrt(std[j] / rows.length);
            if (std[j] == 0) {
                std[j] = 1;
            }
        }
        return new Standardizer(mean, std);
    }

    /**
     * Scales one row into a new array.
     */
    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / std[j];
        }
        return z;
    }

    /**
     * Scales every row into a new matrix.
     */
    public double[][] apply(double[][] rows) {
        double[][] z = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = apply(rows[i]);
        }
        return z;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
