package dev.pilothouse.sdk.ui.kit;

import java.time.Duration;
import java.time.Instant;

/** Formatting shared by tables: ages the way kubectl prints them. */
public final class Formats {

    private Formats() {
    }

    /** {@code 45s}, {@code 12m}, {@code 3h}, {@code 5d}: the age of a timestamp relative to now. */
    public static String age(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        return duration(Duration.between(since, now));
    }

    /** A duration in kubectl's short form. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 120) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 48) {
            return h + "h";
        }
        return (h / 24) + "d";
    }
}
