package dev.servinglab.training.service;

import dev.servinglab.model.service.Activation;
import dev.servinglab.model.service.MlpTrainer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Holds everything a training run was asked for, checked by {@link TrainingRequestReader}.
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
        Activation activation,
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

    /** Share of every class held out for the final test, as for the built-in models. */
    public static final double TEST_FRACTION = 0.2;

    /** Returns the options of the MLP trainer. */
    public MlpTrainer.Options mlp() {
        return new MlpTrainer.Options(
                hiddenUnits, activation, learningRate, momentum, weightDecay, epochs, batchSize, patience, seed);
    }

    /** Returns the options as the request names them, for the run's record and the model card. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dataset", dataset);
        map.put("hidden_units", hiddenUnits);
        map.put("activation", activation.name().toLowerCase(Locale.ROOT));
        map.put("learning_rate", learningRate);
        map.put("momentum", momentum);
        map.put("weight_decay", weightDecay);
        map.put("epochs", epochs);
        map.put("batch_size", batchSize);
        map.put("validation_fraction", validationFraction);
        map.put("max_train_rows", maxTrainRows);
        map.put("patience", patience);
        map.put("seed", seed);
        map.put("pace_ms", paceMs);
        return map;
    }
}
