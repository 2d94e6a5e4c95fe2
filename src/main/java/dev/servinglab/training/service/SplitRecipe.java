package dev.servinglab.training.service;

import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;

/**
 * Says how a run splits its data set: enough to make the same split again, row for row, since the splitter is
 * seeded and does no arithmetic on the measurements. A stored promoted model keeps this instead of its rows.
 *
 * @param dataset            the data set's name
 * @param validationFraction the share of rows held out for validation
 * @param testFraction       the share of rows held out for the test
 * @param seed               the seed of the stratified shuffle
 * @param maxTrainRows       the most training rows kept (the first ones); 0 keeps them all
 */
public record SplitRecipe(String dataset, double validationFraction, double testFraction, long seed, int maxTrainRows) {

    /** Returns the recipe of a run's split, with the server's test fraction. */
    static SplitRecipe of(TrainingOptions options, double testFraction) {
        return new SplitRecipe(
                options.dataset(), options.validationFraction(), testFraction, options.seed(), options.maxTrainRows());
    }

    /** Splits the data set, cutting the training rows if the recipe says so. */
    Split split(DatasetRepository datasets) {
        Split split = StratifiedSplitter.split(
                datasets.load(dataset), new StratifiedSplitter.Options(validationFraction, testFraction, seed));
        if (maxTrainRows > 0 && maxTrainRows < split.train().size()) {
            return new Split(StratifiedSplitter.head(split.train(), maxTrainRows), split.validation(), split.test());
        }
        return split;
    }
}
