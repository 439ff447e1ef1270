package dev.pilothouse.sdk.alerts;

/** How a rule's last evaluation went, as Prometheus reports it. */
public enum RuleHealth {
    OK, UNKNOWN, ERR;

    /** The health Prometheus' {@code health} field names ({@code ok}, {@code unknown}, {@code err}). */
    public static RuleHealth of(String health) {
        return switch (health == null ? "" : health) {
            case "ok" -> OK;
            case "err" -> ERR;
            default -> UNKNOWN;
        };
    }
}
