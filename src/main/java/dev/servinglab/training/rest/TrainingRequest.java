package dev.servinglab.training.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents the body of POST /api/v1/trainings. The body is read field by field by
 * {@link dev.servinglab.training.service.TrainingRequestReader}, so that every broken rule names its field;
 * this record only describes it. Every field is optional and has the default shown.
 */
@Schema(name = "TrainingRequest", description = "Hyperparameters of a training run; every field is optional")
public record TrainingRequest(
        @Schema(
                enumeration = {"iris", "breast-cancer"},
                defaultValue = "iris",
                description = "The data set: iris (3 species, 4 features) or breast-cancer (2 classes, 30 features)")
        String dataset,

        @Schema(minimum = "1", maximum = "256", defaultValue = "8", description = "Neurons in the hidden layer")
        Integer hiddenUnits,

        @Schema(
                enumeration = {"tanh", "sigmoid", "relu"},
                defaultValue = "tanh",
                description = "Activation of the hidden layer")
        String activation,

        @Schema(
                minimum = "0",
                exclusiveMinimum = true,
                maximum = "1",
                defaultValue = "0.05",
                description = "Step size of gradient descent")
        Double learningRate,

        @Schema(
                minimum = "0",
                maximum = "1",
                exclusiveMaximum = true,
                defaultValue = "0.5",
                description = "Momentum of the updates")
        Double momentum,

        @Schema(minimum = "0", maximum = "0.1", defaultValue = "0", description = "L2 penalty on the weights")
        Double weightDecay,

        @Schema(
                minimum = "1",
                maximum = "2000",
                defaultValue = "100",
                description = "The most passes over the training rows (the server's limit is "
                        + "serving-lab.training.max-epochs)")
        Integer epochs,

        @Schema(minimum = "1", maximum = "1024", defaultValue = "8", description = "Rows per update")
        Integer batchSize,

        @Schema(
                minimum = "0.1",
                maximum = "0.5",
                defaultValue = "0.2",
                description = "Share of every class held out for validation (20 % more is held out for the test)")
        Double validationFraction,

        @Schema(
                minimum = "0",
                defaultValue = "0",
                description = "Cut the training split to this many rows (stratified) to see small data overfit; "
                        + "0 keeps every row, otherwise at least 10")
        Integer maxTrainRows,

        @Schema(
                minimum = "0",
                maximum = "1000",
                defaultValue = "0",
                description = "Early stopping: stop after this many epochs without a better validation loss and "
                        + "keep the best epoch's weights; 0 never stops early")
        Integer patience,

        @Schema(
                defaultValue = "42",
                description =
                        "Seed of the split, the weights and the shuffles: the same seed " + "gives the same curve")
        Long seed,

        @Schema(
                minimum = "0",
                maximum = "1000",
                defaultValue = "0",
                description = "Pause after every epoch, in milliseconds, to watch the curves grow; 0 trains at "
                        + "full speed")
        Integer paceMs) {}
