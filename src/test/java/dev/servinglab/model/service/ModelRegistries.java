package dev.servinglab.model.service;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Builds model registries in states a running app passes through, for tests outside this package.
 */
public final class ModelRegistries {

    private ModelRegistries() {}

    /**
     * Returns a registry whose startup training goes on until the latch is released, then fails: a registry that
     * is still training for as long as a test needs.
     */
    public static ModelRegistry trainingUntil(CountDownLatch release) {
        BuiltInModels endless = new BuiltInModels(null, null) {
            @Override
            public List<ServedModel> train() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the test stopped this training");
            }
        };
        return new ModelRegistry(endless, null, PromotedModels.NONE);
    }
}
