package dev.pilothouse.sdk.ui.kit.chart;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ValueTicksTest {

    @ParameterizedTest(name = "{0}..{1} in {2} -> {3}..{4} step {5}")
    @CsvSource({
        "0, 100, 5, 0, 100, 20",
        "3.7, 96.2, 5, 0, 100, 20",
        "0, 1, 4, 0, 1, 0.25",
        "-12, 37, 5, -20, 40, 10",
        "0.001, 0.0093, 5, 0, 0.01, 0.002",
        "1000, 1010, 5, 1000, 1010, 2",
        "0, 7, 3, 0, 7.5, 2.5",
    })
    void coversTheDataWithRoundSteps(double low, double high, int max, double min, double top, double step) {
        ValueTicks ticks = ValueTicks.of(low, high, max);

        assertThat(ticks.min()).isCloseTo(min, within(1e-9));
        assertThat(ticks.max()).isCloseTo(top, within(1e-9));
        assertThat(ticks.step()).isCloseTo(step, within(1e-12));
        assertThat(ticks.count()).isLessThanOrEqualTo(max + 2);
    }

    @Test
    void widensASingleValue() {
        ValueTicks ticks = ValueTicks.of(50, 50, 5);

        assertThat(ticks.min()).isLessThan(50);
        assertThat(ticks.max()).isGreaterThan(50);
    }

    @Test
    void zeroOnlyGivesZeroToOne() {
        ValueTicks ticks = ValueTicks.of(0, 0, 5);

        assertThat(ticks.min()).isZero();
        assertThat(ticks.max()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void nonFiniteBoundsFallBackToZeroToOne() {
        ValueTicks ticks = ValueTicks.of(Double.NaN, Double.POSITIVE_INFINITY, 5);

        assertThat(ticks.min()).isZero();
        assertThat(ticks.max()).isEqualTo(1);
    }

    @Test
    void hugeRangesStayFinite() {
        ValueTicks ticks = ValueTicks.of(-Double.MAX_VALUE, Double.MAX_VALUE, 5);

        assertThat(Double.isFinite(ticks.step())).isTrue();
        assertThat(ticks.count()).isPositive();
    }

    @ParameterizedTest(name = "step {0} -> {1} decimals")
    @CsvSource({"20, 0", "25, 0", "2.5, 1", "0.25, 2", "0.5, 1", "0.02, 2", "1, 0"})
    void labelsUseAsManyDecimalsAsTheStepNeeds(double step, int decimals) {
        assertThat(new ValueTicks(0, step * 4, step).decimals()).isEqualTo(decimals);
    }

    @Test
    void tickValuesDoNotAccumulateRoundingErrors() {
        ValueTicks ticks = ValueTicks.of(0, 1, 10);

        assertThat(ticks.value(3)).isCloseTo(0.3, within(1e-12));
        assertThat(ticks.value(ticks.count() - 1)).isCloseTo(ticks.max(), within(1e-12));
    }
}
