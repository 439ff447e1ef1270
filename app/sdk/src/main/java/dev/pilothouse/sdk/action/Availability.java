package dev.pilothouse.sdk.action;

/**
 * Whether an action can run on an object in its current state, and why not.
 *
 * @param isAvailable whether it can run
 * @param reason    why not, in words; empty when available
 */
public record Availability(boolean isAvailable, String reason) {

    private static final Availability AVAILABLE = new Availability(true, "");

    public Availability {
        reason = reason == null ? "" : reason;
    }

    public static Availability yes() {
        return AVAILABLE;
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
