package dev.pilothouse.bench;

/**
 * A bounded recorder of nanosecond samples (pulse intervals, latencies). Thread-safe for one writer and any readers
 * after the writer stops; samples past the capacity are counted, not stored, so memory stays bounded.
 */
final class Samples {

    private final long[] values;
    private int count;
    private long dropped;
    private long max;

    Samples(int capacity) {
        this.values = new long[capacity];
    }

    synchronized void add(long nanos) {
        if (nanos > max) {
            max = nanos;
        }
        if (count < values.length) {
            values[count++] = nanos;
        } else {
            dropped++;
        }
    }

    synchronized void clear() {
        count = 0;
        dropped = 0;
        max = 0;
    }

    synchronized int count() {
        return count;
    }

    synchronized long dropped() {
        return dropped;
    }

    /** p in 0..100, in milliseconds. */
    synchronized double percentileMillis(double p) {
        return Figures.millis(Figures.percentile(values, count, p));
    }

    synchronized double maxMillis() {
        return Figures.millis(max);
    }
}
