package dev.servinglab.model.rest;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.web.format.Numbers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the app ready once its models are trained, with each model's version and test accuracy; while they
 * train it reports DOWN at once instead of waiting for them.
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("models");
        if (!models.isReady()) {
            return response.down().withData("status", "training").build();
        }
        response.up();
        for (ServedModel model : models.all()) {
            response.withData(
                    model.name(),
                    "version " + model.version() + ", test accuracy "
                            + Numbers.dp3(model.test().accuracy()));
        }
        response.withData("default", models.defaultModel().name());
        return response.build();
    }
}
