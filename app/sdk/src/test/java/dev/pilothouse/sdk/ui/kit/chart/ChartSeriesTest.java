package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Series;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Series prepared for drawing: order, caching of downsampled points, the point budget. */
class ChartSeriesTest {

    private static ChartSeries series(String pod, long[] t, double[] v) {
        return ChartSeries.of(new Series(Map.of("pod", pod), t, v), pod, 0);
    }

    private final long[] t = {0, 15_000, 30_000, 45_000};
    private final ChartSeries a = series("a", t, new double[] {1, 2, 3, 4});

    @Test
    void unsortedInputIsSortedOnce() {
        ChartSeries s = series("s", new long[] {30, 10, 20}, new double[] {3, 1, 2});

        assertThat(s.times).containsExactly(10, 20, 30);
        assertThat(s.values).containsExactly(1, 2, 3);
    }

    @Test
    void downsampledPointsAreCachedPerWindowAndWidth() {
        TimeValues first = a.sampled(0, 45_000, 100);

        assertThat(a.sampled(0, 45_000, 100)).isSameAs(first);
        assertThat(a.sampled(0, 45_000, 50)).isNotSameAs(first);
    }

    @Test
    void findsWhetherTheWindowHoldsPlottableValues() {
        ChartSeries gaps = series("g", t, new double[] {Double.NaN, Double.NaN, 5, Double.POSITIVE_INFINITY});

        assertThat(gaps.hasFiniteIn(0, 20_000)).isFalse();
        assertThat(gaps.hasFiniteIn(0, 30_000)).isTrue();
    }

    @Test
    void drawsAboutOnePointPerPixelUntilManySeriesShareAFixedBudget() {
        assertThat(PlotRenderer.pointsPerSeries(1_200, 3)).isEqualTo(1_200);
        assertThat(PlotRenderer.pointsPerSeries(1_200, 100)).isEqualTo(PlotRenderer.TOTAL_POINT_BUDGET / 100);
        assertThat(PlotRenderer.pointsPerSeries(1_200, 10_000)).isEqualTo(100);
        assertThat(PlotRenderer.pointsPerSeries(0, 1)).isEqualTo(2);
    }
}
