package dev.pilothouse.sdk.ui.kit.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time ranges a chart panel offers, each with a query step chosen so that a range query returns at most
 * {@link #MAX_POINTS} points per series (more would be wasted on a chart about that many pixels wide).
 */
public enum RangePreset {

    /** The last 15 minutes. */
    LAST_15_MINUTES("15m", Duration.ofMinutes(15)),
    /** The last hour. */
    LAST_HOUR("1h", Duration.ofHours(1)),
    /** The last 6 hours. */
    LAST_6_HOURS("6h", Duration.ofHours(6)),
    /** The last 24 hours. */
    LAST_24_HOURS("24h", Duration.ofHours(24)),
    /** The last 7 days. */
    LAST_7_DAYS("7d", Duration.ofDays(7));

    /** The most points per series a preset's query asks for. */
    public static final int MAX_POINTS = 1_500;

    /** Round steps, smallest first; a preset takes the first that keeps it within {@link #MAX_POINTS}. */
    private static final Duration[] STEPS = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1)};

    private final String label;
    private final Duration duration;

    RangePreset(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    /** The short label shown on the range selector: {@code 15m}, {@code 1h}, {@code 7d}. */
    public String label() {
        return label;
    }

    /** How far back the range reaches. */
    public Duration duration() {
        return duration;
    }

    /** The query step: the smallest round step giving at most {@link #MAX_POINTS} points. */
    public Duration step() {
        for (Duration s : STEPS) {
            if (duration.toMillis() / s.toMillis() + 1 <= MAX_POINTS) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /**
     * The range ending at {@code now}, with its end rounded down to a whole step: consecutive refreshes then
     * evaluate the query at the same instants, so a line does not shift sideways each time it is reloaded.
     */
    public TimeRange endingAt(Instant now) {
        long stepMillis = step().toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), stepMillis) * stepMillis);
        return new TimeRange(end.minus(duration), end, step());
    }

    /** The preset with this label ({@code 6h}), if any. */
    public static Optional<RangePreset> fromLabel(String label) {
        for (RangePreset p : values()) {
            if (p.label.equalsIgnoreCase(label == null ? "" : label.strip())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
