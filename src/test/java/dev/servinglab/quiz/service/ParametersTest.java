package dev.servinglab.quiz.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** How generated problems write their numbers: what a learner reads in a prompt and a worked solution. */
class ParametersTest {

    private static final String GROUPED = "-?\\d{1,3}(,\\d{3})*";

    @Test
    void writesWholeNumbersWithThousandsSeparatorsAndOthersToThreeDecimals() {
        assertThat(Parameters.plain(0), equalTo("0"));
        assertThat(Parameters.plain(2.0), equalTo("2"));
        assertThat(Parameters.plain(999), equalTo("999"));
        assertThat(Parameters.plain(1000), equalTo("1,000"));
        assertThat(Parameters.plain(1_234_567), equalTo("1,234,567"));
        assertThat(Parameters.plain(-25_000), equalTo("-25,000"));
        assertThat(Parameters.plain(0.5), equalTo("0.5"));
        assertThat(Parameters.plain(2.0 / 3), equalTo("0.667"));
        assertThat(Parameters.plain(1234.5), equalTo("1234.5"));
        assertThat(Parameters.plain(-0.0), equalTo("0"));
    }

    @Property(seed = "20261202")
    void everyWholeNumberReadsBackAsItself(
            @ForAll @LongRange(min = -999_999_999_999_999L, max = 999_999_999_999_999L) long whole) {
        String written = Parameters.plain(whole);
        assertThat(written, matchesPattern(GROUPED));
        assertThat(Long.parseLong(written.replace(",", "")), equalTo(whole));
    }
}
