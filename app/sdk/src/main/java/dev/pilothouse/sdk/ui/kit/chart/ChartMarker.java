package dev.pilothouse.sdk.ui.kit.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * A reference drawn over a chart's lines: a moment (a vertical line, such as when an alert started firing) or a
 * value (a horizontal line, such as a rule's threshold). A threshold is kept inside the value axis, so a line that
 * never reaches it still shows how far away it is.
 */
public sealed interface ChartMarker {

    /** The text drawn beside the line. */
    String label();

    /** A vertical line at {@code time}. */
    static ChartMarker at(Instant time, String label) {
        return new Moment(time, label);
    }

    /** A horizontal line at {@code value}, in the chart's base unit (seconds, bytes, a ratio...). */
    static ChartMarker threshold(double value, String label) {
        return new Threshold(value, label);
    }

    /** A vertical line at a moment. */
    record Moment(Instant time, String label) implements ChartMarker {
        public Moment {
            Objects.requireNonNull(time, "time");
            label = label == null ? "" : label;
        }
    }

    /** A horizontal line at a value. */
    record Threshold(double value, String label) implements ChartMarker {
        public Threshold {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a threshold must be a finite number, not " + value);
            }
            label = label == null ? "" : label;
        }
    }
}
