package dev.servinglab.model.data;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the data sets shipped in {@code datasets/} (packaged on the class path under {@code datasets/}), each once:
 * a {@link Dataset} is never modified, so every lab and training run shares the one read.
 */
@ApplicationScoped
public class DatasetRepository {

    /** Measurements that can be zero (a flat contour, a word never used) and run into the thousands. */
    private static final DatasetInfo.Bounds NON_NEGATIVE = new DatasetInfo.Bounds(
            0,
            true,
            "must not be negative",
            1_000_000,
            "must be at most 1000000; no measurement in this data set is near that");

    /** The data sets the app knows, with their provenance as recorded in {@code datasets/README.md}. */
    static final Map<String, DatasetInfo> CATALOG = Map.of(
            "iris",
                    new DatasetInfo(
                            "iris",
                            "iris.csv",
                            "Iris flowers (Fisher, 1936)",
                            List.of("sepal_length", "sepal_width", "petal_length", "petal_width"),
                            "cm",
                            "species",
                            List.of("setosa", "versicolor", "virginica"),
                            List.of("setosa", "versicolor", "virginica"),
                            "R. A. Fisher (1936), measurements by E. Anderson; UCI Machine Learning Repository, "
                                    + "dataset 53, doi:10.24432/C56C76; file from Debian python3-sklearn 1.2.1",
                            "CC BY 4.0 (UCI); BSD-3-Clause as shipped by scikit-learn",
                            // Anything larger than 100 cm is a unit mix-up or a typo, not a flower.
                            new DatasetInfo.Bounds(
                                    0,
                                    false,
                                    "must be greater than 0 (cm)",
                                    100,
                                    "must be at most 100 (cm); no flower is that large")),
            "breast-cancer",
                    new DatasetInfo(
                            "breast-cancer",
                            "breast_cancer_wisconsin.csv",
                            "Breast Cancer Wisconsin (Diagnostic)",
                            List.of(),
                            "",
                            "diagnosis",
                            List.of("benign", "malignant"),
                            List.of("benign", "malignant"),
                            "W. H. Wolberg, W. N. Street, O. L. Mangasarian (1995); UCI Machine Learning Repository, "
                                    + "dataset 17, doi:10.24432/C5DW2B; file from Debian python3-sklearn 1.2.1",
                            "CC BY 4.0 (UCI); BSD-3-Clause as shipped by scikit-learn",
                            NON_NEGATIVE),
            "spambase",
                    new DatasetInfo(
                            "spambase",
                            "spambase.csv",
                            "Spambase (HP Labs, 1999)",
                            List.of(),
                            "",
                            "is_spam",
                            List.of("not spam", "spam"),
                            List.of("0", "1"),
                            "M. Hopkins, E. Reeber, G. Forman, J. Suermondt (1999); UCI Machine Learning Repository, "
                                    + "dataset 94, doi:10.24432/C53G6X; file from Debian r-cran-kernlab 0.9-32",
                            "CC BY 4.0 (UCI); GPL-2 as shipped by kernlab",
                            NON_NEGATIVE));

    private final Map<String, Dataset> loaded = new ConcurrentHashMap<>();

    /**
     * Finds the description of a data set by name, its feature names read from its file.
     */
    public Optional<DatasetInfo> info(String name) {
        return CATALOG.containsKey(name) ? Optional.of(load(name).info()) : Optional.empty();
    }

    /**
     * Returns a data set by name, read on first use, its label column mapped to class indices in catalogue order.
     *
     * @throws IllegalArgumentException if the name is unknown
     */
    public Dataset load(String name) {
        return loaded.computeIfAbsent(name, DatasetRepository::read);
    }

    private static Dataset read(String name) {
        DatasetInfo info = CATALOG.get(name);
        if (info == null) {
            throw new IllegalArgumentException("unknown data set " + name);
        }
        String resource = "datasets/" + info.file();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("data set file missing from the class path: " + resource);
            }
            return parse(info, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset parse(DatasetInfo info, BufferedReader reader) throws IOException {
        String header = reader.readLine();
        List<String> columns = header == null ? List.of() : Arrays.asList(header.split(","));
        if (info.featureNames().isEmpty() && !columns.isEmpty()) {
            info = info.withFeatureNames(columns.subList(0, columns.size() - 1));
        }
        List<String> expected = new ArrayList<>(info.featureNames());
        expected.add(info.labelColumn());
        if (!columns.equals(expected)) {
            throw new IllegalStateException(info.file() + ": header must be " + String.join(",", expected));
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int p = info.featureNames().size();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != p + 1) {
                throw new IllegalStateException(info.file() + ":" + lineNumber + ": expected " + (p + 1) + " columns");
            }
            double[] x = new double[p];
            for (int j = 0; j < p; j++) {
                x[j] = Double.parseDouble(cells[j]);
            }
            int label = info.labelValues().indexOf(cells[p]);
            if (label < 0) {
                throw new IllegalStateException(info.file() + ":" + lineNumber + ": unknown class " + cells[p]);
            }
            rows.add(x);
            labels.add(label);
        }
        return new Dataset(
                info,
                rows.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
