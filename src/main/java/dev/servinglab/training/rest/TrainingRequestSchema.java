package dev.servinglab.training.rest;

import dev.servinglab.training.TrainingConfig;
import dev.servinglab.training.service.Hyperparameter;
import dev.servinglab.web.format.Numbers;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes the published schema of a training request, {@value #NAME}, from the {@link Hyperparameter} definitions
 * and this server's configured limits, so that the API documents exactly what the request reader checks. The
 * limits are runtime configuration, fixed once the app has started: the schema is written once, at startup.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class TrainingRequestSchema implements OASFilter {

    /** The schema's name, for {@code @Schema(ref = …)}. */
    public static final String NAME = "TrainingRequest";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        TrainingConfig config =
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(TrainingConfig.class);
        Hyperparameter.Limits limits = Hyperparameter.Limits.of(config);
        Schema request = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Hyperparameters of a training run; every field is optional and has the default shown")
                .additionalPropertiesBoolean(false);
        for (Hyperparameter hyperparameter : Hyperparameter.values()) {
            request.addProperty(hyperparameter.jsonName(), property(hyperparameter, limits));
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(NAME, request);
    }

    private static Schema property(Hyperparameter hyperparameter, Hyperparameter.Limits limits) {
        Hyperparameter.Domain domain = hyperparameter.domain();
        Schema property = OASFactory.createSchema()
                .description(hyperparameter.description(limits))
                .defaultValue(domain.defaultValue());
        switch (domain.kind()) {
            case CHOICE ->
                property.addType(Schema.SchemaType.STRING).enumeration(new ArrayList<>(domain.choiceValues()));
            case INTEGER -> property.addType(Schema.SchemaType.INTEGER).format("int32");
            case NUMBER -> property.addType(Schema.SchemaType.NUMBER).format("double");
            case SEED -> property.addType(Schema.SchemaType.INTEGER).format("int64");
        }
        if (domain.min() != null) {
            BigDecimal min = new BigDecimal(Numbers.plain(domain.min().value(limits)));
            property = domain.min().inclusive() ? property.minimum(min) : property.exclusiveMinimum(min);
        }
        if (domain.max() != null) {
            BigDecimal max = new BigDecimal(Numbers.plain(domain.max().value(limits)));
            property = domain.max().inclusive() ? property.maximum(max) : property.exclusiveMaximum(max);
        }
        return property;
    }
}
