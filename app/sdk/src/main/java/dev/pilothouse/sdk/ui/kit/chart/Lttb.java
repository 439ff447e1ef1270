package dev.pilothouse.sdk.ui.kit.chart;

import java.util.Objects;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the points that carry a line's visible
 * shape (peaks, dips, steps) so a series of thousands of points can be drawn with about one point per pixel and
 * look the same.
 *
 * <p>Gaps survive: a value that is not finite ({@code NaN} where Prometheus had no sample, or an infinity that
 * cannot be plotted) splits the series into segments, each segment is downsampled on its own (its first and last
 * points always kept), and one {@code NaN} point marks each gap between segments in the result. The point budget is
 * shared among segments in proportion to their length.
 */
public final class Lttb {

    private Lttb() {
    }

    /** Downsamples a whole series to about {@code threshold} points. */
    public static TimeValues downsample(long[] times, double[] values, int threshold) {
        return downsample(times, values, 0, times.length, threshold);
    }

    /**
     * Downsamples points {@code from} (inclusive) to {@code to} (exclusive) of a series to about {@code threshold}
     * points (at least two per segment, so a series with many short segments keeps more). Times must be ascending.
     * Returns fresh arrays; the input is not modified.
     */
    public static TimeValues downsample(long[] times, double[] values, int from, int to, int threshold) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(values, "values");
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        Objects.checkFromToIndex(from, to, times.length);
        Segments segments = Segments.of(values, from, to);
        int gaps = Math.max(0, segments.count - 1);
        int budget = Math.max(2, threshold - gaps);
        int[] quota = new int[segments.count];
        int total = gaps;
        for (int s = 0; s < segments.count; s++) {
            int len = segments.length(s);
            int share = (int) Math.round((double) budget * len / Math.max(1, segments.finitePoints));
            quota[s] = Math.min(len, Math.max(2, share));
            total += quota[s];
        }
        long[] outTimes = new long[total];
        double[] outValues = new double[total];
        int pos = 0;
        for (int s = 0; s < segments.count; s++) {
            if (s > 0) {
                // The gap marker sits at the first unplottable point after the previous segment.
                outTimes[pos] = times[segments.end[s - 1]];
                outValues[pos] = Double.NaN;
                pos++;
            }
            int start = segments.start[s];
            int len = segments.length(s);
            if (quota[s] >= len || quota[s] < 3) {
                pos = copyEnds(times, values, start, len, quota[s], outTimes, outValues, pos);
            } else {
                pos = largestTriangles(times, values, start, len, quota[s], outTimes, outValues, pos);
            }
        }
        return new TimeValues(outTimes, outValues);
    }

    /** Copies a segment that needs no reduction, or only its two ends when the quota is two. */
    private static int copyEnds(long[] t, double[] v, int start, int len, int quota, long[] ot, double[] ov, int pos) {
        if (quota >= len) {
            System.arraycopy(t, start, ot, pos, len);
            System.arraycopy(v, start, ov, pos, len);
            return pos + len;
        }
        ot[pos] = t[start];
        ov[pos] = v[start];
        ot[pos + 1] = t[start + len - 1];
        ov[pos + 1] = v[start + len - 1];
        return pos + 2;
    }

    /** LTTB proper over {@code n} finite points, writing {@code m >= 3} points. */
    private static int largestTriangles(long[] t, double[] v, int start, int n, int m, long[] ot, double[] ov,
                                        int pos) {
        // Times relative to the segment start keep the area arithmetic precise (epoch millis are ~1.7e12).
        long origin = t[start];
        double every = (double) (n - 2) / (m - 2);
        int selected = start;
        ot[pos] = t[start];
        ov[pos] = v[start];
        pos++;
        for (int bucket = 0; bucket < m - 2; bucket++) {
            int avgFrom = start + (int) Math.floor((bucket + 1) * every) + 1;
            int avgTo = start + Math.min((int) Math.floor((bucket + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = avgFrom; j < avgTo; j++) {
                avgX += t[j] - origin;
                avgY += v[j];
            }
            int avgCount = Math.max(1, avgTo - avgFrom);
            avgX /= avgCount;
            avgY /= avgCount;

            int rangeFrom = start + (int) Math.floor(bucket * every) + 1;
            int rangeTo = start + (int) Math.floor((bucket + 1) * every) + 1;
            double ax = t[selected] - origin;
            double ay = v[selected];
            double maxArea = -1;
            int next = rangeFrom;
            for (int j = rangeFrom; j < rangeTo; j++) {
                double area = Math.abs((ax - avgX) * (v[j] - ay) - (ax - (t[j] - origin)) * (avgY - ay));
                if (area > maxArea) {
                    maxArea = area;
                    next = j;
                }
            }
            ot[pos] = t[next];
            ov[pos] = v[next];
            pos++;
            selected = next;
        }
        ot[pos] = t[start + n - 1];
        ov[pos] = v[start + n - 1];
        return pos + 1;
    }

    /** The runs of finite values in a range: start (inclusive) and end (exclusive) indices. */
    private static final class Segments {
        final int[] start;
        final int[] end;
        final int count;
        final int finitePoints;

        private Segments(int[] start, int[] end, int count, int finitePoints) {
            this.start = start;
            this.end = end;
            this.count = count;
            this.finitePoints = finitePoints;
        }

        int length(int s) {
            return end[s] - start[s];
        }

        static Segments of(double[] v, int from, int to) {
            int count = 0;
            int finite = 0;
            boolean inside = false;
            for (int i = from; i < to; i++) {
                boolean f = Double.isFinite(v[i]);
                if (f) {
                    finite++;
                    if (!inside) {
                        count++;
                    }
                }
                inside = f;
            }
            int[] start = new int[count];
            int[] end = new int[count];
            int s = -1;
            inside = false;
            for (int i = from; i < to; i++) {
                boolean f = Double.isFinite(v[i]);
                if (f && !inside) {
                    start[++s] = i;
                }
                if (!f && inside) {
                    end[s] = i;
                }
                inside = f;
            }
            if (inside) {
                end[s] = to;
            }
            return new Segments(start, end, count, finite);
        }
    }
}
