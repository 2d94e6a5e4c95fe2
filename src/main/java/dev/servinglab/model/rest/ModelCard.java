package dev.servinglab.model.rest;

import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.FeatureRange;
import dev.servinglab.model.service.ServedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Describes one served model: what goes in and out, how it was trained, how it scored and on what data.
 */
@Schema(name = "ModelCard", description = "Everything known about one served model")
public record ModelCard(
        @Schema(examples = "mlp") String name,
        @Schema(examples = "1") String version,
        @Schema(examples = "mlp") String kind,
        String description,

        @Schema(description = "True for the model that answers when a request names none")
        boolean isDefault,

        @Schema(description = "Input features in column order, with units, training ranges and scaler parameters")
        List<Feature> features,

        @Schema(description = "Output classes, in the order of the probabilities")
        List<String> classes,

        Map<String, Object> hyperparameters,

        @Schema(description = "Loss and accuracy after every epoch, on the training and validation splits")
        List<EpochMetrics> history,

        String stopReason,

        @Schema(description = "Metrics on the held-out test split")
        Evaluation test,

        Data dataset) {

    /**
     * Describes one input feature.
     */
    public record Feature(
            String name, String unit, double trainingMin, double trainingMax, double scalerMean, double scalerStd) {}

    /**
     * Describes the training data and its split.
     */
    public record Data(
            String name, String title, String file, String source, String license, Map<String, Integer> split) {}

    /**
     * Builds the card of a served model.
     */
    public static ModelCard of(ServedModel model, boolean isDefault) {
        List<Feature> features = new ArrayList<>();
        double[] mean = model.scaler().mean();
        double[] std = model.scaler().std();
        for (int j = 0; j < model.featureCount(); j++) {
            FeatureRange range = model.ranges().get(j);
            features.add(new Feature(range.feature(), range.unit(), range.min(), range.max(), mean[j], std[j]));
        }
        var info = model.dataset();
        return new ModelCard(
                model.name(),
                model.version(),
                model.kind(),
                model.description(),
                isDefault,
                features,
                info.classNames(),
                model.hyperparameters(),
                model.history(),
                model.stopReason(),
                model.test(),
                new Data(
                        info.name(),
                        info.title(),
                        "datasets/" + info.file(),
                        info.source(),
                        info.license(),
                        model.split()));
    }
}
