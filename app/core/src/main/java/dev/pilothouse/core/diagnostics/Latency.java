package dev.pilothouse.core.diagnostics;

/**
 * Recent durations of one kind, summarised.
 *
 * @param count how many durations the summary covers
 * @param p50   the median, in seconds; 0 without durations
 * @param p99   the 99th percentile, in seconds; 0 without durations
 */
public record Latency(int count, double p50, double p99) {

    public static final Latency NONE = new Latency(0, 0, 0);

    /** Whether there is anything to show. */
    public boolean measured() {
        return count > 0;
    }
}
