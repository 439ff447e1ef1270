package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Series;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A series prepared for drawing: points in ascending time order, its legend label and palette slot, and the
 * downsampled points of the last drawn window, kept until the window or the width changes.
 */
final class ChartSeries {

    final Map<String, String> labels;
    final String label;
    final int colorIndex;
    final long[] times;
    final double[] values;
    private final long spacing;

    private int cachedFrom = -1;
    private int cachedTo = -1;
    private int cachedThreshold = -1;
    private TimeValues cached;

    private ChartSeries(Map<String, String> labels, String label, int colorIndex, long[] times, double[] values) {
        this.labels = labels;
        this.label = label;
        this.colorIndex = colorIndex;
        this.times = times;
        this.values = values;
        this.spacing = times.length < 2 ? 0 : (times[times.length - 1] - times[0]) / (times.length - 1);
    }

    /** Prepares a series; its arrays are used as they are when already in time order, else sorted copies. */
    static ChartSeries of(Series series, String label, int colorIndex) {
        long[] t = series.times();
        double[] v = series.values();
        if (!ascending(t)) {
            Integer[] order = IntStream.range(0, t.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingLong(i -> t[i]));
            long[] st = new long[t.length];
            double[] sv = new double[t.length];
            for (int i = 0; i < order.length; i++) {
                st[i] = t[order[i]];
                sv[i] = v[order[i]];
            }
            return new ChartSeries(series.labels(), label, colorIndex, st, sv);
        }
        return new ChartSeries(series.labels(), label, colorIndex, t, v);
    }

    private static boolean ascending(long[] t) {
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The usual distance between samples (the query step for range-query results); 0 below two samples. */
    long spacing() {
        return spacing;
    }

    /** The index of the first sample at or after {@code t} ({@code times.length} if none). */
    int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the sample nearest to {@code t}, or -1 for an empty series. */
    int nearest(long t) {
        if (times.length == 0) {
            return -1;
        }
        int i = firstAtOrAfter(t);
        if (i == times.length) {
            return i - 1;
        }
        if (i > 0 && t - times[i - 1] <= times[i] - t) {
            return i - 1;
        }
        return i;
    }

    /** Whether any plottable (finite) value lies within {@code start..end}. */
    boolean hasFiniteIn(long start, long end) {
        for (int i = firstAtOrAfter(start); i < times.length && times[i] <= end; i++) {
            if (Double.isFinite(values[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The samples within {@code start..end}, plus one on each side so lines run to the edges, downsampled to about
     * {@code threshold} points. Cached: drawing the same window at the same width again costs nothing.
     */
    TimeValues sampled(long start, long end, int threshold) {
        int from = Math.max(0, firstAtOrAfter(start) - 1);
        int to = Math.min(times.length, firstAtOrAfter(end + 1) + 1);
        if (from != cachedFrom || to != cachedTo || threshold != cachedThreshold || cached == null) {
            cached = Lttb.downsample(times, values, from, to, threshold);
            cachedFrom = from;
            cachedTo = to;
            cachedThreshold = threshold;
        }
        return cached;
    }
}
