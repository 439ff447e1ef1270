package dev.pilothouse.sdk.metrics;

import java.util.Map;

/**
 * A range-query series: timestamps (epoch milliseconds) and values in parallel arrays, compact for charting.
 *
 * @param labels the series labels
 * @param times  epoch milliseconds, ascending
 * @param values values at those times
 */
public record Series(Map<String, String> labels, long[] times, double[] values) {

    public Series {
        labels = Map.copyOf(labels);
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }
}
