package dev.servinglab.training;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Checks the limits of the training configuration as the app checks them when it starts. */
class TrainingConfigTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    @Test
    void moreEpochsThanTheTrainerTakesStopTheApp() {
        SmallRyeConfigBuilder builder = config("6000");
        ConfigValidationException e = assertThrows(ConfigValidationException.class, builder::build);
        assertThat(e.getMessage(), containsString("serving-lab.training.max-epochs"));
        assertThat(e.getMessage(), containsString("5000"));
    }

    @Test
    void theTrainersCeilingItselfIsAllowed() {
        SmallRyeConfig config = config("5000").build();
        assertThat(config.getConfigMapping(TrainingConfig.class).maxEpochs(), equalTo(5000));
    }

    private static SmallRyeConfigBuilder config(String maxEpochs) {
        return new SmallRyeConfigBuilder()
                .withMapping(TrainingConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "120s", as Quarkus reads it
                .withDefaultValue("serving-lab.training.max-epochs", maxEpochs)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR);
    }
}
