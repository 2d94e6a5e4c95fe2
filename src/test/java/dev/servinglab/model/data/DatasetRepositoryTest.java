package dev.servinglab.model.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetRepositoryTest {

    private final DatasetRepository datasets = new DatasetRepository();

    @Test
    void readsEveryShippedDataSetWithItsColumnsAndClasses() {
        Dataset iris = datasets.load("iris");
        assertThat(iris.size(), equalTo(150));
        assertThat(iris.featureNames(), equalTo(List.of("sepal_length", "sepal_width", "petal_length", "petal_width")));
        assertThat(iris.classNames(), equalTo(List.of("setosa", "versicolor", "virginica")));

        Dataset cancer = datasets.load("breast-cancer");
        assertThat(cancer.size(), equalTo(569));
        assertThat(cancer.featureNames(), hasSize(30));
        assertThat(cancer.featureNames().getFirst(), equalTo("mean_radius"));

        Dataset spam = datasets.load("spambase");
        assertThat(spam.size(), equalTo(4601));
        assertThat(spam.featureNames(), hasSize(57));
        assertThat(spam.classNames(), equalTo(List.of("not spam", "spam")));
    }

    @Test
    void readsADataSetOnceHoweverManyAskForIt() throws Exception {
        Dataset first = datasets.load("spambase");
        assertThat(datasets.load("spambase"), sameInstance(first));

        DatasetRepository fresh = new DatasetRepository();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Dataset>> loads = IntStream.range(0, 8)
                    .<Callable<Dataset>>mapToObj(i -> () -> fresh.load("breast-cancer"))
                    .toList();
            List<Future<Dataset>> loaded = pool.invokeAll(loads);
            Dataset shared = loaded.getFirst().get();
            for (Future<Dataset> each : loaded) {
                assertThat(each.get(), sameInstance(shared));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void describesADataSetWithTheFeatureNamesOfItsFile() {
        DatasetInfo cancer = datasets.info("breast-cancer").orElseThrow();
        assertThat(cancer.featureNames(), hasSize(30));
        assertThat(cancer.classNames(), equalTo(List.of("benign", "malignant")));
        assertThat(datasets.info("mnist").isPresent(), equalTo(false));
    }

    @Test
    void refusesAnUnknownDataSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> datasets.load("mnist"));
        assertThat(e.getMessage(), equalTo("unknown data set mnist"));
    }
}
