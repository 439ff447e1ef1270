package dev.pilothouse.sdk.ui.kit.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time window a chart asks data for, with the resolution of a range query: Prometheus evaluates the query at
 * {@code start}, {@code start + step}, ... up to {@code end}.
 *
 * @param start the first evaluation time
 * @param end   the last evaluation time (after {@code start})
 * @param step  the distance between evaluations (positive)
 */
public record TimeRange(Instant start, Instant end, Duration step) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("time range end " + end + " is not after its start " + start);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("time range step must be positive, got " + step);
        }
    }

    /** The length of the window. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** How many points a range query returns per series when it has a value at every step. */
    public long points() {
        return duration().toMillis() / step.toMillis() + 1;
    }
}
