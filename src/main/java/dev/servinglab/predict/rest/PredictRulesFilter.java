package dev.servinglab.predict.rest;

import dev.servinglab.model.data.DatasetInfo;
import dev.servinglab.predict.service.PredictLimits;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes into the predict API's OpenAPI document the rules a request must keep that annotations cannot know: the
 * configured limits (the largest batch, the largest body) and the values a measurement may take, the bounds of the
 * iris data set that {@link dev.servinglab.predict.service.FeatureParser} enforces. They are fixed once the app has
 * started, so this filter runs once, when the document is built at startup.
 */
@ApplicationScoped
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PredictRulesFilter implements OASFilter {

    private final PredictLimits limits;
    private final DatasetInfo.Bounds bounds;

    PredictRulesFilter(PredictLimits limits) {
        this.limits = limits;
        this.bounds = limits.bounds();
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.get("PredictRequest").getProperties().values().forEach(this::documentBounds);
        Schema instances = schemas.get("BatchPredictRequest").getProperties().get("instances");
        instances.setMaxItems(limits.maxBatchSize());
        instances.setDescription(
                "The flowers, 1 to " + limits.maxBatchSize() + " (serving-lab.predict.max-batch-size)");
        String tooLarge = "The body is larger than the server accepts: at most " + limits.maxBodyKb()
                + " KB (quarkus.http.limits.max-body-size)";
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(PredictResource.PATH)) {
                Optional.ofNullable(item.getPOST().getResponses().getAPIResponse("413"))
                        .ifPresent(response -> response.setDescription(tooLarge));
            }
        });
    }

    private void documentBounds(Schema measurement) {
        if (bounds.minimumIncluded()) {
            measurement.setMinimum(number(bounds.minimum()));
        } else {
            measurement.setExclusiveMinimum(number(bounds.minimum()));
        }
        measurement.setMaximum(number(bounds.maximum()));
    }

    /** Returns a bound as people write it: 100, not 100.0. */
    private static BigDecimal number(double value) {
        return value == Math.rint(value) ? BigDecimal.valueOf((long) value) : BigDecimal.valueOf(value);
    }
}
