package dev.pilothouse.sdk.health;

import java.util.Objects;

/**
 * The health of one object: the state, the raw reason reported by its controller, and a message for people.
 *
 * @param state   the state
 * @param reason  short machine reason such as {@code CrashLoopBackOff}; empty when none
 * @param message human explanation; empty when none
 */
public record Health(HealthState state, String reason, String message) {

    /** Health for objects whose kind reports nothing useful. */
    public static final Health UNKNOWN_HEALTH = new Health(HealthState.UNKNOWN, "", "");

    /** Healthy, nothing to say. */
    public static final Health OK_HEALTH = new Health(HealthState.OK, "", "");

    public Health {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        message = message == null ? "" : message;
    }

    public static Health of(HealthState state, String reason) {
        return new Health(state, reason, "");
    }

    public static Health of(HealthState state, String reason, String message) {
        return new Health(state, reason, message);
    }
}
