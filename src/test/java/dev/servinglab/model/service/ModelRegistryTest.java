package dev.servinglab.model.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelRegistryTest {

    @Inject
    ModelRegistry registry;

    @Test
    void trainsTheBuiltInModels() {
        for (ServedModel m : registry.all()) {
            System.out.println(m.name() + " " + m.test().accuracy() + " " + m.history().getLast());
            m.history().forEach(System.out::println);
        }
        assertTrue(registry.defaultModel().test().accuracy() > 0.8);
    }
}
