package dev.pilothouse.sdk.ui.kit.chart;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LttbTest {

    private static long[] times(int n) {
        return LongStream.range(0, n).map(i -> 1_700_000_000_000L + i * 15_000L).toArray();
    }

    private static double[] sine(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(i / 40.0) * 100;
        }
        return v;
    }

    @Test
    void reducesToTheThresholdKeepingFirstAndLastPoint() {
        long[] t = times(1_440);
        double[] v = sine(1_440);

        TimeValues out = Lttb.downsample(t, v, 300);

        assertThat(out.size()).isEqualTo(300);
        assertThat(out.times()[0]).isEqualTo(t[0]);
        assertThat(out.times()[299]).isEqualTo(t[1_439]);
        assertThat(out.values()[299]).isEqualTo(v[1_439]);
        assertThat(out.times()).isSorted();
    }

    @Test
    void keepsEveryPeakThatMakesTheShape() {
        long[] t = times(1_000);
        double[] v = new double[1_000];
        v[123] = 50;   // a lone spike
        v[777] = -40;  // a lone dip

        TimeValues out = Lttb.downsample(t, v, 100);

        assertThat(out.values()).contains(50.0, -40.0);
    }

    @Test
    void returnsEveryPointWhenTheSeriesIsShorterThanTheThreshold() {
        long[] t = times(10);
        double[] v = sine(10);

        TimeValues out = Lttb.downsample(t, v, 500);

        assertThat(out.times()).containsExactly(t);
        assertThat(out.values()).containsExactly(v);
    }

    @Test
    void keepsGapsAsGapsAndDownsamplesEachSegmentOnItsOwn() {
        long[] t = times(1_000);
        double[] v = sine(1_000);
        for (int i = 400; i < 450; i++) {
            v[i] = Double.NaN;
        }

        TimeValues out = Lttb.downsample(t, v, 100);

        int gaps = 0;
        int gapAt = -1;
        for (int i = 0; i < out.size(); i++) {
            if (Double.isNaN(out.values()[i])) {
                gaps++;
                gapAt = i;
            }
        }
        assertThat(gaps).isEqualTo(1);
        assertThat(out.times()[gapAt]).isEqualTo(t[400]);
        // Both segments keep their ends, so the line stops exactly where the data stops.
        assertThat(out.times()[gapAt - 1]).isEqualTo(t[399]);
        assertThat(out.times()[gapAt + 1]).isEqualTo(t[450]);
        assertThat(out.size()).isBetween(95, 105);
    }

    @Test
    void treatsInfinitiesAsGapsAndDropsLeadingAndTrailingGaps() {
        long[] t = times(8);
        double[] v = {Double.NaN, 1, 2, Double.POSITIVE_INFINITY, 3, 4, Double.NaN, Double.NaN};

        TimeValues out = Lttb.downsample(t, v, 100);

        assertThat(out.values()).containsExactly(1, 2, Double.NaN, 3, 4);
        assertThat(out.times()).containsExactly(t[1], t[2], t[3], t[4], t[5]);
    }

    @Test
    void handlesEmptyAllNanAndSinglePointSeries() {
        assertThat(Lttb.downsample(new long[0], new double[0], 10).size()).isZero();
        assertThat(Lttb.downsample(times(5), new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN}, 10).size()).isZero();
        TimeValues one = Lttb.downsample(new long[] {42}, new double[] {7}, 10);
        assertThat(one.times()).containsExactly(42);
        assertThat(one.values()).containsExactly(7);
    }

    @Test
    void aThresholdBelowThreeKeepsTheEnds() {
        TimeValues out = Lttb.downsample(times(100), sine(100), 1);

        assertThat(out.size()).isEqualTo(2);
    }

    @Test
    void downsamplesOnlyTheRequestedSlice() {
        long[] t = times(1_000);
        double[] v = sine(1_000);

        TimeValues out = Lttb.downsample(t, v, 200, 400, 50);

        assertThat(out.size()).isEqualTo(50);
        assertThat(out.times()[0]).isEqualTo(t[200]);
        assertThat(out.times()[49]).isEqualTo(t[399]);
    }

    @Test
    void rejectsArraysOfDifferentLengths() {
        assertThatThrownBy(() -> Lttb.downsample(new long[3], new double[2], 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in length");
    }
}
