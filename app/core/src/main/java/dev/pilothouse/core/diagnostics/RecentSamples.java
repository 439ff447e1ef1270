package dev.pilothouse.core.diagnostics;

import java.util.Arrays;

/**
 * The last values of a measurement within a time window, kept in a fixed ring so memory stays bounded however many
 * arrive. Prometheus' histogram gives the totals since start; this gives what the diagnostics view needs: how things
 * are now. Thread-safe.
 */
final class RecentSamples {

    private final long[] times;
    private final double[] values;
    private final long windowNanos;
    private int next;
    private int size;

    RecentSamples(int capacity, long windowNanos) {
        this.times = new long[capacity];
        this.values = new double[capacity];
        this.windowNanos = windowNanos;
    }

    synchronized void add(long nowNanos, double value) {
        times[next] = nowNanos;
        values[next] = value;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** The median and 99th percentile (nearest rank) of the values younger than the window. */
    Latency summary(long nowNanos) {
        double[] recent;
        int n = 0;
        synchronized (this) {
            recent = new double[size];
            for (int i = 0; i < size; i++) {
                if (nowNanos - times[i] <= windowNanos) {
                    recent[n++] = values[i];
                }
            }
        }
        if (n == 0) {
            return Latency.NONE;
        }
        double[] sorted = Arrays.copyOf(recent, n);
        Arrays.sort(sorted);
        return new Latency(n, rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
