package dev.servinglab.web.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** How whole numbers read on pages, in messages and in quiz problems. */
class NumbersTest {

    /** What {@link Numbers#whole} wrote before it grouped the digits itself, and must still write. */
    private static String formatted(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    @Test
    void groupsThousandsWithCommas() {
        assertThat(Numbers.whole(0), equalTo("0"));
        assertThat(Numbers.whole(7), equalTo("7"));
        assertThat(Numbers.whole(999), equalTo("999"));
        assertThat(Numbers.whole(1000), equalTo("1,000"));
        assertThat(Numbers.whole(25_000), equalTo("25,000"));
        assertThat(Numbers.whole(123_456), equalTo("123,456"));
        assertThat(Numbers.whole(1_234_567), equalTo("1,234,567"));
        assertThat(Numbers.whole(-999), equalTo("-999"));
        assertThat(Numbers.whole(-1000), equalTo("-1,000"));
        assertThat(Numbers.whole(-123_456), equalTo("-123,456"));
    }

    @Test
    void roundsToTheNearestWholeNumberAndNeverWritesMinusZero() {
        assertThat(Numbers.whole(1999.5), equalTo("2,000"));
        assertThat(Numbers.whole(-0.4), equalTo("0"));
        assertThat(Numbers.whole(-0.0), equalTo("0"));
    }

    @Test
    void writesTheEdgesOfLongAsTheFormatterDid() {
        for (double value : new double[] {
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Long.MAX_VALUE, Long.MIN_VALUE
        }) {
            assertThat(Numbers.whole(value), equalTo(formatted(value)));
        }
        assertThat(Numbers.whole(Long.MIN_VALUE), equalTo("-9,223,372,036,854,775,808"));
    }

    @Test
    void writesPlainNumbersWithoutNeedlessDecimals() {
        assertThat(Numbers.plain(5.0), equalTo("5"));
        assertThat(Numbers.plain(-3.0), equalTo("-3"));
        assertThat(Numbers.plain(-0.0), equalTo("0"));
        assertThat(Numbers.plain(0.05), equalTo("0.05"));
        assertThat(Numbers.plain(999_999_999_999_999.0), equalTo("999999999999999"));
        assertThat(Numbers.plain(1e15), equalTo("1.0E15"));
        assertThat(Numbers.plain(Double.NaN), equalTo("NaN"));
    }

    @Property(seed = "20261202")
    void wholeMeansNoFractionAndFewerThanSixteenDigits(@ForAll double value) {
        boolean expected =
                !Double.isNaN(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15 && value % 1 == 0;
        assertThat(Numbers.isWhole(value), equalTo(expected));
    }

    @Property(seed = "20261202")
    void writesEveryWholeNumberAsTheFormatterDid(@ForAll @LongRange(min = -(1L << 53), max = 1L << 53) long whole) {
        assertThat(Numbers.whole(whole), equalTo(String.format(Locale.ROOT, "%,d", whole)));
    }

    @Property(seed = "20261202")
    void writesEveryNumberAsTheFormatterDid(@ForAll double value) {
        assertThat(Numbers.whole(value), equalTo(formatted(value)));
    }
}
