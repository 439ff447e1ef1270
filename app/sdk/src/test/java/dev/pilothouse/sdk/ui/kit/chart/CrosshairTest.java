package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The crosshair read-out, without a screen: snapping, values, order, gaps. */
class CrosshairTest {

    private static ChartSeries series(String pod, int colour, long[] t, double[] v) {
        return ChartSeries.of(new Series(Map.of("pod", pod), t, v), pod, colour);
    }

    private final long[] t = {0, 15_000, 30_000, 45_000};
    private final ChartSeries a = series("a", 0, t, new double[] {1, 2, 3, 4});
    private final ChartSeries b = series("b", 1, t, new double[] {10, 20, Double.NaN, 40});

    @Test
    void snapsToTheNearestSampleAndListsValuesLargestFirst() {
        Readout r = Crosshair.read(List.of(a, b), 16_000, 500, Unit.BYTES);

        assertThat(r.time()).isEqualTo(Instant.ofEpochMilli(15_000));
        assertThat(r.entries()).extracting(Readout.Entry::label).containsExactly("b", "a");
        assertThat(r.entries()).extracting(Readout.Entry::text).containsExactly("20 B", "2 B");
    }

    @Test
    void aGapReadsAsNanAndSortsLast() {
        Readout r = Crosshair.read(List.of(a, b), 30_000, 500, Unit.NONE);

        assertThat(r.entries()).extracting(Readout.Entry::label).containsExactly("a", "b");
        assertThat(r.entries().get(1).text()).isEqualTo("NaN");
    }

    @Test
    void nothingIsReadFarFromAnySample() {
        assertThat(Crosshair.read(List.of(a), 200_000, 500, Unit.NONE)).isNull();
        assertThat(Crosshair.read(List.of(), 0, 500, Unit.NONE)).isNull();
    }
}
