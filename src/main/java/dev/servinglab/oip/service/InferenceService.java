package dev.servinglab.oip.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.oip.InferenceRequest;
import dev.servinglab.oip.InferenceResponse;
import dev.servinglab.predict.service.PipelineTrace;
import dev.servinglab.predict.service.PredictLimits;
import dev.servinglab.predict.service.PredictResponse;
import dev.servinglab.predict.service.PredictionPipeline;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.MalformedRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers Open Inference Protocol requests with the same pipeline as the JSON API: the input tensor takes the
 * place of the parse stage, and every row then goes through scale, predict and respond.
 */
@ApplicationScoped
public class InferenceService {

    /** Output holding the class probabilities, FP64 [n, classes]. */
    public static final String PROBABILITIES = "probabilities";
    /** Output holding the predicted class names, BYTES [n]. */
    public static final String PREDICTED_CLASS = "predicted_class";

    private static final Set<String> OUTPUTS = Set.of(PROBABILITIES, PREDICTED_CLASS);

    private final PredictionPipeline pipeline;
    private final PredictLimits limits;

    InferenceService(PredictionPipeline pipeline, PredictLimits limits) {
        this.pipeline = pipeline;
        this.limits = limits;
    }

    /**
     * Runs an inference request on a model.
     *
     * @param modelName the model name the client used, echoed as {@code model_name}
     * @throws InvalidInputException     if the tensor is not [n, features] of finite, in-range numbers
     * @throws MalformedRequestException if there is not exactly one input
     */
    public InferenceResponse infer(InferenceRequest request, ServedModel model, String modelName) {
        if (request == null || request.inputs() == null || request.inputs().size() != 1) {
            throw new MalformedRequestException(
                    "inputs must hold exactly one tensor of shape [n, " + model.featureCount() + "]");
        }
        InferenceRequest.Input input = request.inputs().getFirst();
        if (input == null) {
            throw new InvalidInputException("inputs[0]", "required", "must be a tensor object");
        }
        List<String> wanted = wantedOutputs(request.outputs());
        double[][] rows = rows(input, model);
        List<Double> probabilities = new ArrayList<>(rows.length * model.classCount());
        List<String> classes = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            PredictResponse prediction = pipeline.predict(row, model, false, PipelineTrace.OFF);
            probabilities.addAll(prediction.probabilities().values());
            classes.add(prediction.predictedClass());
        }
        List<InferenceResponse.Output> outputs = new ArrayList<>();
        for (String name : wanted) {
            outputs.add(
                    name.equals(PROBABILITIES)
                            ? new InferenceResponse.Output(
                                    PROBABILITIES,
                                    List.of((long) rows.length, (long) model.classCount()),
                                    "FP64",
                                    probabilities)
                            : new InferenceResponse.Output(
                                    PREDICTED_CLASS, List.of((long) rows.length), "BYTES", classes));
        }
        return new InferenceResponse(modelName, model.version(), request.id(), outputs);
    }

    private static List<String> wantedOutputs(List<InferenceRequest.Output> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of(PROBABILITIES, PREDICTED_CLASS);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i) == null ? null : requested.get(i).name();
            if (!OUTPUTS.contains(name)) {
                throw new InvalidInputException(
                        "outputs[" + i + "].name", "enum", "must be " + PROBABILITIES + " or " + PREDICTED_CLASS);
            }
            names.add(name);
        }
        return names;
    }

    private double[][] rows(InferenceRequest.Input input, ServedModel model) {
        int p = model.featureCount();
        String datatype = input.datatype();
        if (!"FP32".equals(datatype) && !"FP64".equals(datatype)) {
            throw new InvalidInputException("inputs[0].datatype", "enum", "must be FP32 or FP64");
        }
        List<Long> shape = input.shape();
        if (shape == null
                || shape.size() != 2
                || shape.get(1) == null
                || shape.get(1) != p
                || shape.get(0) == null
                || shape.get(0) < 1
                || shape.get(0) > limits.maxBatchSize()) {
            throw new InvalidInputException(
                    "inputs[0].shape", "shape", "must be [n, " + p + "] with n from 1 to " + limits.maxBatchSize());
        }
        int n = shape.get(0).intValue();
        List<Double> values = new ArrayList<>(n * p);
        flatten(input.data(), values, "FP32".equals(datatype));
        if (values.size() != n * p) {
            throw new InvalidInputException(
                    "inputs[0].data",
                    "shape",
                    "holds " + values.size() + " values; shape " + shape + " needs " + n * p);
        }
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                rows[i][j] = values.get(i * p + j);
            }
        }
        pipeline.check(rows, model, "inputs[0].data");
        return rows;
    }

    private static void flatten(JsonNode node, List<Double> into, boolean fp32) {
        if (node == null || node.isNull()) {
            throw new InvalidInputException("inputs[0].data", "required", "is required");
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isArray()) {
                    flatten(element, into, fp32);
                } else if (element.isNumber()) {
                    double value = element.doubleValue();
                    into.add(fp32 ? (double) (float) value : value);
                } else {
                    throw new InvalidInputException(
                            "inputs[0].data",
                            "type",
                            "must hold numbers only, found "
                                    + element.getNodeType().name().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            throw new InvalidInputException("inputs[0].data", "type", "must be an array of numbers");
        }
    }
}
