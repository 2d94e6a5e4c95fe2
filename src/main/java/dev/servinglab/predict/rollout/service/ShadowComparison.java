package dev.servinglab.predict.rollout.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compares a shadow's answers with the current version's on the same requests: how often they agree, and the
 * confusion matrix between the two (rows: what the current version said; columns: what the shadow said).
 */
final class ShadowComparison {

    private final List<String> classes;
    private final AtomicLongArray matrix;
    private final LongAdder dropped = new LongAdder();

    ShadowComparison(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.matrix = new AtomicLongArray(classes.size() * classes.size());
    }

    /** Records one request both versions answered, by the species each said. */
    void record(String currentClass, String shadowClass) {
        matrix.incrementAndGet(classes.indexOf(currentClass) * classes.size() + classes.indexOf(shadowClass));
    }

    /** Records a copy the shadow never got, because it was too far behind. */
    void drop() {
        dropped.increment();
    }

    /** Returns the comparison so far. */
    ShadowFigures figures() {
        int k = classes.size();
        List<List<Long>> rows = new ArrayList<>(k);
        long compared = 0;
        long agreed = 0;
        for (int i = 0; i < k; i++) {
            List<Long> row = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                long n = matrix.get(i * k + j);
                row.add(n);
                compared += n;
                if (i == j) {
                    agreed += n;
                }
            }
            rows.add(List.copyOf(row));
        }
        return new ShadowFigures(
                compared,
                agreed,
                compared == 0 ? null : (double) agreed / compared,
                classes,
                List.copyOf(rows),
                dropped.sum());
    }
}
