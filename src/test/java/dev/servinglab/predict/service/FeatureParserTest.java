package dev.servinglab.predict.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.predict.Flowers;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.MalformedRequestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureParserTest {

    private final FeatureParser parser =
            new FeatureParser(new DatasetRepository().info("iris").orElseThrow());

    @Test
    void readsTheFeaturesInColumnOrderWhateverTheFieldOrder() {
        assertThat(parse(Flowers.setosaReversed()), equalTo(Flowers.setosaRow()));
    }

    @Test
    void readsAWholeNumberAsANumber() {
        assertThat(parse(Flowers.setosaWith("sepal_length", "5"))[0], equalTo(5.0));
    }

    @Test
    void namesEveryBrokenFieldAndItsRule() {
        InvalidInputException e = invalid("{\"sepal_length\":-1,\"sepal_width\":\"" + IrisExamples.SETOSA_SEPAL_WIDTH
                + "\",\"petal_length\":null,\"colour\":\"blue\"}");
        assertThat(
                rules(e),
                contains(
                        "sepal_length minimum",
                        "sepal_width type",
                        "petal_length not-null",
                        "colour unknown-field",
                        "petal_width required"));
    }

    @Test
    void rejectsNonFiniteZeroAndAbsurdValues() {
        assertThat(rules(invalid(body("NaN"))), contains("petal_width finite"));
        assertThat(rules(invalid(body("Infinity"))), contains("petal_width finite"));
        assertThat(rules(invalid(body("1e400"))), contains("petal_width finite"));
        assertThat(rules(invalid(body("0"))), contains("petal_width minimum"));
        assertThat(rules(invalid(body("100.5"))), contains("petal_width maximum"));
        assertThat(rules(invalid(body("true"))), contains("petal_width type"));
        assertThat(rules(invalid(body("[1]"))), contains("petal_width type"));
    }

    @Test
    void jacksonsLimitsAreMalformedInputNotAFailure() {
        String longNumber = "1" + "0".repeat(1500);
        assertThrows(MalformedRequestException.class, () -> parse(body(longNumber)));
        String deep = "{\"sepal_length\":" + "[".repeat(1500);
        assertThrows(MalformedRequestException.class, () -> parse(deep));
    }

    @Test
    void rejectsADuplicateField() {
        assertThat(rules(invalid(Flowers.setosaAnd("sepal_length", "6"))), contains("sepal_length duplicate"));
    }

    @Test
    void tellsMalformedJsonFromAWrongShape() {
        MalformedRequestException syntax = assertThrows(MalformedRequestException.class, () -> parse("{\"a\":"));
        assertThat(syntax.getMessage(), containsString("not valid JSON"));
        assertThrows(MalformedRequestException.class, () -> parse(""));
        assertThrows(MalformedRequestException.class, () -> parse(body("1") + " {}"));
        assertThat(rules(invalid("[" + IrisExamples.SETOSA_ROW + "]")), contains("$ type"));
    }

    @Test
    void readsABatchAndNamesTheInstanceOfEachError() {
        double[][] rows =
                parser.parseBatch(bytes("{\"instances\":[" + Flowers.setosa() + "," + body("1.8") + "]}"), 10);
        assertThat(rows.length, equalTo(2));
        assertThat(rows[1][3], equalTo(1.8));
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> parser.parseBatch(bytes("{\"instances\":[" + Flowers.setosa() + "," + body("-3") + ", 7]}"), 10));
        assertThat(rules(e), contains("instances[1].petal_width minimum", "instances[2] type"));
    }

    @Test
    void boundsTheSizeOfABatch() {
        assertThat(
                rules(assertThrows(
                        InvalidInputException.class, () -> parser.parseBatch(bytes("{\"instances\":[]}"), 3))),
                contains("instances min-items"));
        String four = String.join(",", body("1"), body("1"), body("1"), body("1"));
        assertThat(
                rules(assertThrows(
                        InvalidInputException.class,
                        () -> parser.parseBatch(bytes("{\"instances\":[" + four + "]}"), 3))),
                contains("instances max-items"));
        assertThat(
                rules(assertThrows(InvalidInputException.class, () -> parser.parseBatch(bytes("{}"), 3))),
                contains("instances required"));
        assertThat(
                rules(assertThrows(
                        InvalidInputException.class, () -> parser.parseBatch(bytes("{\"instances\":{}}"), 3))),
                contains("instances type"));
    }

    @Test
    void listsAtMostTwentyFiveViolations() {
        StringBuilder many = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < 20; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> parser.parseBatch(bytes(many.append("]}").toString()), 100));
        assertThat(e.violations().size(), equalTo(FeatureParser.MAX_REPORTED + 1));
        assertThat(e.violations().getLast().message(), equalTo("55 more violations not listed"));
    }

    private static String body(String petalWidth) {
        return Flowers.setosaWith("petal_width", petalWidth);
    }

    private double[] parse(String json) {
        return parser.parseInstance(bytes(json));
    }

    private InvalidInputException invalid(String json) {
        return assertThrows(InvalidInputException.class, () -> parse(json));
    }

    private static List<String> rules(InvalidInputException e) {
        return e.violations().stream().map(v -> v.field() + " " + v.rule()).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
