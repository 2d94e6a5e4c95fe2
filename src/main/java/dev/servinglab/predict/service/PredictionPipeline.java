package dev.servinglab.predict.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servinglab.model.data.DatasetInfo;
import dev.servinglab.model.service.FeatureRange;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the four stages of serving a prediction — parse, scale, predict, respond — for every endpoint: plain,
 * batch, traced and Open Inference Protocol requests all come through here.
 */
@ApplicationScoped
public class PredictionPipeline {

    private final Map<String, FeatureParser> parsers = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    PredictionPipeline(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Reads the {@code skip_scaling} query parameter of a traced prediction.
     *
     * @throws InvalidInputException naming {@code skip_scaling} unless it is {@code true} or {@code false}
     */
    public static boolean skipScaling(String parameter) {
        return switch (parameter) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("skip_scaling", "type", "must be true or false");
        };
    }

    /**
     * Runs all four stages on a JSON body holding one instance.
     *
     * @param skipScaling feed the raw features to the model, to show what a training/serving mismatch does
     */
    public PredictResponse run(byte[] body, ServedModel model, boolean skipScaling, PipelineTrace trace) {
        long start = trace.clock();
        double[] features = parser(model).parseInstance(body);
        trace.parsed(start, body, features);
        return predict(features, model, skipScaling, trace);
    }

    /**
     * Runs the parse stage alone on a JSON body holding one instance, for callers that keep the measurements (a
     * deployment's drift monitor); {@link #predict} then runs the other stages.
     *
     * @throws InvalidInputException naming every field that breaks a rule
     */
    public double[] parse(byte[] body, ServedModel model) {
        return parser(model).parseInstance(body);
    }

    /**
     * Parses a JSON body holding a batch, as {@link #runBatch} does.
     *
     * @throws InvalidInputException naming every field that breaks a rule
     */
    public double[][] parseBatch(byte[] body, ServedModel model, int maxInstances) {
        return parser(model).parseBatch(body, maxInstances);
    }

    /**
     * Runs all four stages on a JSON body holding one instance, exactly as {@link #run} does, and records every
     * stage: what went in, what came out, its parameters and its time.
     *
     * @param skipScaling feed the raw features to the model, to show what a training/serving mismatch does
     */
    public TraceResponse trace(byte[] body, ServedModel model, boolean skipScaling) {
        RecordingTrace trace = new RecordingTrace(json);
        return trace.response(run(body, model, skipScaling, trace), skipScaling);
    }

    /**
     * Runs the parse stage on a batch, then the other stages on every instance.
     */
    public BatchPredictResponse runBatch(byte[] body, ServedModel model, int maxInstances) {
        double[][] rows = parser(model).parseBatch(body, maxInstances);
        List<PredictResponse.BatchItem> items = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            items.add(predict(row, model, false, PipelineTrace.OFF).asBatchItem());
        }
        return new BatchPredictResponse(model.name(), model.version(), items);
    }

    /**
     * Runs the scale, predict and respond stages on a row that has already been parsed.
     */
    public PredictResponse predict(double[] features, ServedModel model, boolean skipScaling, PipelineTrace trace) {
        long start = trace.clock();
        double[] scaled = skipScaling ? features.clone() : model.scaler().apply(features);
        trace.scaled(start, model, skipScaling, features, scaled);

        start = trace.clock();
        double[] probabilities = new double[model.classCount()];
        int best = model.classifier().predict(scaled, probabilities);
        trace.predicted(start, model, scaled, probabilities);

        start = trace.clock();
        PredictResponse response = respond(features, best, probabilities, model);
        trace.responded(start, probabilities, response);
        return response;
    }

    /**
     * Checks rows that reached the server in another form than the JSON the parse stage reads (an Open Inference
     * Protocol tensor) against the same rules, so that every client gets the same answer for the same values.
     *
     * @param field the name of the rows in the request, e.g. {@code inputs[0].data}; a violation names
     *              {@code field[i].feature}
     * @throws InvalidInputException naming every value that breaks a rule
     */
    public void check(double[][] rows, ServedModel model, String field) {
        FeatureParser parser = parser(model);
        Violations violations = new Violations(FeatureParser.MAX_REPORTED);
        for (int i = 0; i < rows.length; i++) {
            parser.check(rows[i], field + "[" + i + "].", violations);
        }
        violations.throwIfAny();
    }

    private FeatureParser parser(ServedModel model) {
        DatasetInfo data = model.dataset();
        return parsers.computeIfAbsent(data.name(), name -> new FeatureParser(data));
    }

    private static PredictResponse respond(double[] features, int best, double[] probabilities, ServedModel model) {
        List<String> classes = model.dataset().classNames();
        Map<String, Double> byClass = new LinkedHashMap<>(8);
        for (int k = 0; k < probabilities.length; k++) {
            byClass.put(classes.get(k), probabilities[k]);
        }
        return new PredictResponse(
                classes.get(best), byClass, model.name(), model.version(), driftWarnings(features, model));
    }

    private static List<RangeWarning> driftWarnings(double[] features, ServedModel model) {
        List<RangeWarning> warnings = null;
        for (int j = 0; j < features.length; j++) {
            FeatureRange range = model.ranges().get(j);
            if (!range.contains(features[j])) {
                if (warnings == null) {
                    warnings = new ArrayList<>(2);
                }
                warnings.add(new RangeWarning(
                        range.feature(),
                        features[j],
                        range.min(),
                        range.max(),
                        ("%s = %s %s lies outside the training range %s to %s %s; the model is extrapolating, "
                                        + "so treat the answer with care")
                                .formatted(
                                        range.feature(),
                                        features[j],
                                        range.unit(),
                                        range.min(),
                                        range.max(),
                                        range.unit())));
            }
        }
        return warnings == null ? List.of() : warnings;
    }
}
