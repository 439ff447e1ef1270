package dev.pilothouse.sdk.alerts;

import java.util.Locale;

/** The conventional {@code severity} label values, most urgent first; anything else is {@link #NONE}. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO, NONE;

    /** The severity a label value names (case-insensitive; {@code page} counts as critical). */
    public static Severity of(String label) {
        if (label == null) {
            return NONE;
        }
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "page", "p1" -> CRITICAL;
            case "error", "high", "major", "p2" -> ERROR;
            case "warning", "warn", "medium", "p3" -> WARNING;
            case "info", "low", "none", "p4" -> INFO;
            default -> NONE;
        };
    }
}
