package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.Latency;

import java.util.Locale;

/** How the diagnostics view writes its numbers: short, with a unit, and "–" where there is nothing to show. */
final class Figures {

    static final String NONE = "–";

    private Figures() {
    }

    /** A rate per second: one decimal below 10, none above, thousands as k; "–" when unknown (NaN). */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return NONE;
        }
        if (perSecond >= 10_000) {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
        }
        if (perSecond >= 10 || perSecond == 0) {
            return String.format(Locale.ROOT, "%.0f", perSecond);
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** A duration given in seconds, in µs, ms or s with two or three significant digits. */
    static String seconds(double seconds) {
        if (seconds < 0.001) {
            return String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
        }
        if (seconds < 0.01) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** The median of recent durations, or "–" without any. */
    static String p50(Latency latency) {
        return latency.measured() ? seconds(latency.p50()) : NONE;
    }

    /** The 99th percentile of recent durations, or "–" without any. */
    static String p99(Latency latency) {
        return latency.measured() ? seconds(latency.p99()) : NONE;
    }

    /** A count, with thousands separated for reading. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
