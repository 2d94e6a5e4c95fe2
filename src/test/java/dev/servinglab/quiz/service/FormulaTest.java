package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormulaTest {

    private static final Map<String, Double> VALUES = Map.of("tp", 40.0, "fp", 10.0, "fn", 20.0, "p", 0.25);

    private static double eval(String formula) {
        return Formula.parse(formula).apply(VALUES);
    }

    @Test
    void computesWithTheUsualPrecedence() {
        assertThat(eval("tp / (tp + fp)"), closeTo(0.8, 1e-12));
        assertThat(eval("2 * tp / (2 * tp + fp + fn)"), closeTo(80.0 / 110, 1e-12));
        assertThat(eval("1 + 2 * 3 ^ 2"), closeTo(19, 1e-12));
        assertThat(eval("-2 ^ 2"), closeTo(-4, 1e-12));
        assertThat(eval("-ln(p)"), closeTo(Math.log(4), 1e-12));
        assertThat(eval("tp - fp - fn"), closeTo(10, 1e-12));
        assertThat(eval("tp / fp / 2"), closeTo(2, 1e-12));
    }

    @Test
    void comparesAndChooses() {
        assertThat(eval("tp > fp"), equalTo(1.0));
        assertThat(eval("tp <= fp"), equalTo(0.0));
        assertThat(eval("(tp >= 40) * (fp != 10)"), equalTo(0.0));
        assertThat(eval("if(fn >= 11, tp, fp)"), equalTo(40.0));
        assertThat(eval("min(tp, fp, fn)"), equalTo(10.0));
        assertThat(eval("max(tp, fp)"), equalTo(40.0));
        assertThat(eval("ceil(tp / 15)"), equalTo(3.0));
        assertThat(eval("round(tp / 3, 2)"), equalTo(13.33));
    }

    @Test
    void namesTheInputsItReads() {
        assertThat(Formula.parse("tp / (tp + fp) + min(fn, 3)").names(), equalTo(Set.of("tp", "fp", "fn")));
    }

    @Test
    void saysWhatIsWrongWithAFormulaAndWhere() {
        assertThat(problem("tp / (tp + fp"), containsString("a ')' is missing"));
        assertThat(problem("tp +"), containsString("the formula ends early"));
        assertThat(problem("tp fp"), containsString("at character 4: unexpected 'f'"));
        assertThat(problem("sin(tp)"), containsString("unknown function 'sin'"));
        assertThat(problem("if(tp, fp)"), containsString("if() takes 3 arguments"));
        assertThat(problem("1.2.3"), containsString("not a number"));
    }

    private static String problem(String formula) {
        return assertThrows(IllegalArgumentException.class, () -> Formula.parse(formula))
                .getMessage();
    }
}
