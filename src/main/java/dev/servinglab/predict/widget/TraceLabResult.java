package dev.servinglab.predict.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servinglab.predict.service.StageTrace;
import dev.servinglab.predict.service.TraceResponse;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what the trace lab shows of one traced prediction, ready for its template: the answer, one card per stage,
 * the request and the response as JSON, and what the code snippets send.
 *
 * @param trace    the trace, exactly as {@code POST /api/v1/predict/trace} answers it
 * @param stages   the stage cards, in pipeline order
 * @param request  the request body, as indented JSON
 * @param response what {@code POST /api/v1/predict} answers for it, as indented JSON
 * @param url      the address the snippets send the request to
 * @param body     the body the snippets send, as compact JSON
 */
public record TraceLabResult(
        TraceResponse trace, List<StageCard> stages, String request, String response, String url, String body) {

    /** The cards round their values to this many decimals, so that four features fit a card's width. */
    private static final double CARD_PRECISION = 10_000;

    /** Indents like the browser's {@code JSON.stringify(value, null, 2)}: {@code "field": value}. */
    private static final DefaultPrettyPrinter INDENTED = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    /**
     * Shows one stage as a card.
     *
     * @param number     its place in the pipeline, from 1
     * @param name       parse, scale, predict or respond
     * @param skipped    whether the stage was skipped on purpose (the scale stage in teaching mode)
     * @param values     what went in and came out, and the scaler's mean and std on the scale stage
     * @param durationNs how long it took
     */
    public record StageCard(
            int number,
            String name,
            String operation,
            String inputShape,
            String outputShape,
            boolean skipped,
            List<Value> values,
            long durationNs) {}

    /**
     * Shows one value of a stage card, as JSON with its numbers rounded.
     *
     * @param term what it is: In, Out, Mean or Std
     */
    public record Value(String term, String json) {}

    /**
     * Prepares a trace for the lab.
     *
     * @param url  the address the code snippets call
     * @param json the application's JSON mapper, as the API writes values
     */
    public static TraceLabResult of(TraceResponse trace, String url, ObjectMapper json) {
        List<StageCard> cards = new ArrayList<>(trace.stages().size());
        for (StageTrace stage : trace.stages()) {
            List<Value> values = new ArrayList<>(4);
            values.add(new Value("In", rounded(stage.input(), json)));
            values.add(new Value("Out", rounded(stage.output(), json)));
            if (stage.name().equals("scale")) {
                values.add(new Value("Mean", rounded(stage.parameters().get("mean"), json)));
                values.add(new Value("Std", rounded(stage.parameters().get("std"), json)));
            }
            cards.add(new StageCard(
                    cards.size() + 1,
                    stage.name(),
                    stage.operation(),
                    stage.inputShape(),
                    stage.outputShape(),
                    trace.scalingSkipped() && stage.name().equals("scale"),
                    values,
                    stage.durationNs()));
        }
        Object body = trace.stages().getFirst().input();
        return new TraceLabResult(
                trace,
                cards,
                write(json, body, true),
                write(json, trace.prediction(), true),
                url,
                write(json, body, false));
    }

    /**
     * Returns the scheme, host and port of the snippets' address: the page script writes the page's own in their
     * place, since a page rendered before any request cannot know where it is served.
     */
    public String origin() {
        URI address = URI.create(url);
        return address.getScheme() + "://" + address.getRawAuthority();
    }

    /** Returns the probability of the predicted class. */
    public double probability() {
        return trace.prediction().probabilities().get(trace.prediction().predictedClass());
    }

    private static String rounded(Object value, ObjectMapper json) {
        JsonNode tree = json.valueToTree(value);
        return write(json, round(tree.deepCopy()), false);
    }

    /** Rounds every decimal number in a JSON tree, in place. */
    private static JsonNode round(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return DoubleNode.valueOf(Math.round(node.doubleValue() * CARD_PRECISION) / CARD_PRECISION);
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, round(array.get(i)));
            }
        } else if (node instanceof ObjectNode object) {
            object.properties().forEach(property -> property.setValue(round(property.getValue())));
        }
        return node;
    }

    private static String write(ObjectMapper json, Object value, boolean indented) {
        try {
            return indented ? json.writer(INDENTED).writeValueAsString(value) : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
