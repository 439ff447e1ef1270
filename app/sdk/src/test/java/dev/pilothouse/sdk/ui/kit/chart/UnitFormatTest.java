package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit formatting as the chart's read-out and axes use it. */
class UnitFormatTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "NONE | 0 | 0",
        "NONE | 1234.5 | 1235",
        "NONE | 0.001234 | 0.00123",
        "NONE | -2.5 | -2.5",
        "PERCENT | 45.25 | 45.3%",
        "PERCENT | 100 | 100%",
        "RATIO | 0.5 | 50%",
        "RATIO | 0.0123 | 1.23%",
        "BYTES | 512 | 512 B",
        "BYTES | 1536 | 1.5 KiB",
        "BYTES | 1073741824 | 1 GiB",
        "BYTES | 5153960755 | 4.8 GiB",
        "SECONDS | 0.00025 | 250 µs",
        "SECONDS | 0.25 | 250 ms",
        "SECONDS | 1.5 | 1.5 s",
        "SECONDS | 150 | 2.5 min",
        "SECONDS | 7200 | 2 h",
        "SECONDS | 172800 | 2 d",
        "WATTS | 250 | 250 W",
        "WATTS | 1200 | 1.2 kW",
        "CELSIUS | 65.5 | 65.5 °C",
        "PER_SECOND | 15 | 15/s",
        "PER_SECOND | 1234 | 1.23k/s",
        "COUNT | 3400000 | 3.4M",
        "COUNT | 7 | 7",
        "DOLLARS_PER_HOUR | 0.42 | $0.42/h",
        "DOLLARS_PER_HOUR | 12.5 | $12.50/h",
        "DOLLARS_PER_HOUR | 2500 | $2.5k/h",
    })
    void formatsValuesReadably(Unit unit, double value, String text) {
        assertThat(unit.format(value)).isEqualTo(text);
    }

    @Test
    void writesNanAndInfinitiesAsPrometheusDoes() {
        assertThat(Unit.BYTES.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Unit.SECONDS.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Unit.PERCENT.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void anAxisSharesOneScaleAcrossItsTicks() {
        Unit.Scale scale = Unit.BYTES.scale(3.2 * (1L << 30));

        assertThat(scale.suffix()).isEqualTo(" GiB");
        assertThat(scale.label(0.5, 1)).isEqualTo("0.5 GiB");
        assertThat(scale.label(3, 1)).isEqualTo("3.0 GiB");
        assertThat(scale.label(-0.0001, 1)).isEqualTo("0.0 GiB");
    }

    @Test
    void ratiosAreDividedIntoPercent() {
        Unit.Scale scale = Unit.RATIO.scale(1);

        assertThat(0.25 / scale.divisor()).isEqualTo(25.0);
        assertThat(scale.label(25, 0)).isEqualTo("25%");
    }

    @Test
    void identifiersRoundTrip() {
        for (Unit u : Unit.values()) {
            assertThat(Unit.fromId(u.id())).contains(u);
        }
        assertThat(Unit.fromId(" Per-Second ")).contains(Unit.PER_SECOND);
        assertThat(Unit.fromId("furlongs")).isEmpty();
    }
}
