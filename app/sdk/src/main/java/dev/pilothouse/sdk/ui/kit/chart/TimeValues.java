package dev.pilothouse.sdk.ui.kit.chart;

/**
 * Points of one series in two parallel arrays, compact for drawing. A {@code NaN} value marks a gap: the line
 * stops before it and starts again after it. The arrays are owned by this record; do not modify them.
 *
 * @param times  epoch milliseconds, ascending
 * @param values the values; {@code NaN} for a gap
 */
public record TimeValues(long[] times, double[] values) {

    public TimeValues {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    /** The number of points, gap markers included. */
    public int size() {
        return times.length;
    }
}
