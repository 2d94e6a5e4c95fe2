package dev.servinglab.model.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a labelled table of numeric features: one row per sample, labels as class indices.
 *
 * <p>Read-only: {@link DatasetRepository} reads each data set once and every lab and training run shares it, so
 * nothing writes into its arrays; a subset shares the rows, and scaling writes new ones.
 *
 * @param info     what the data set is and where it comes from
 * @param features the feature matrix, {@code n × p}
 * @param labels   the class index of every row, {@code 0 … classes - 1}
 */
public record Dataset(DatasetInfo info, double[][] features, int[] labels) {

    public Dataset {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("features and labels differ in length");
        }
    }

    /** Returns the number of rows. */
    public int size() {
        return labels.length;
    }

    /** Returns the feature names in column order. */
    public List<String> featureNames() {
        return info.featureNames();
    }

    /** Returns the class names, indexed by label. */
    public List<String> classNames() {
        return info.classNames();
    }

    /** Returns one row's measurements by feature name, in column order: a prediction request's body. */
    public Map<String, Double> row(int i) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (int j = 0; j < featureNames().size(); j++) {
            row.put(featureNames().get(j), features[i][j]);
        }
        return row;
    }

    /** Returns the rows at the given indices as a new data set. */
    public Dataset subset(int[] rows) {
        double[][] x = new double[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
            y[i] = labels[rows[i]];
        }
        return new Dataset(info, x, y);
    }
}
