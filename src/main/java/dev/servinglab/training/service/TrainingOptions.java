package dev.servinglab.training.service;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.servinglab.model.service.Activation;
import dev.servinglab.model.service.MlpTrainer;
import java.util.Locale;

/**
 * Holds everything a training run was asked for, checked by {@link TrainingRequestReader} against the
 * {@link Hyperparameter} definitions. Serialised, it is the request body that asks for the same run.
 *
 * @param dataset            the data set: {@code iris} or {@code breast-cancer}
 * @param hiddenUnits        neurons in the hidden layer
 * @param activation         activation of the hidden layer
 * @param learningRate       step size of gradient descent
 * @param momentum           momentum of the updates
 * @param weightDecay        L2 penalty on the weights
 * @param epochs             the most passes over the training rows
 * @param batchSize          rows per update
 * @param validationFraction share of every class held out for validation
 * @param maxTrainRows       the training split cut to this many rows (stratified); 0 keeps them all
 * @param patience           epochs without a better validation loss before stopping early; 0 never stops early
 * @param seed               seed of the split, the weights and the shuffles
 * @param paceMs             pause after every epoch, so that people can watch; 0 for API clients
 */
public record TrainingOptions(
        String dataset,
        int hiddenUnits,
        @JsonSerialize(converter = LowerCaseName.class) Activation activation,
        double learningRate,
        double momentum,
        double weightDecay,
        int epochs,
        int batchSize,
        double validationFraction,
        int maxTrainRows,
        int patience,
        long seed,
        int paceMs) {

    /** Returns the options of the MLP trainer. */
    public MlpTrainer.Options mlp() {
        return new MlpTrainer.Options(
                hiddenUnits, activation, learningRate, momentum, weightDecay, epochs, batchSize, patience, seed);
    }

    /** Writes an enum constant as requests name it: in lower case. */
    static final class LowerCaseName extends StdConverter<Enum<?>, String> {
        @Override
        public String convert(Enum<?> value) {
            return value.name().toLowerCase(Locale.ROOT);
        }
    }
}
