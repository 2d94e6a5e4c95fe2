package dev.servinglab.model.health;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;

/**
 * Reports the app ready once its models are trained, with each model's version and test accuracy.
 */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    private final ModelRegistry models;

    ModelsReadinessCheck(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("models").status(!models.all().isEmpty());
        for (ServedModel model : models.all()) {
            response.withData(model.name(), "version " + model.version() + ", test accuracy "
                    + String.format(Locale.ROOT, "%.3f", model.test().accuracy()));
        }
        response.withData("default", models.defaultModel().name());
        return response.build();
    }
}
