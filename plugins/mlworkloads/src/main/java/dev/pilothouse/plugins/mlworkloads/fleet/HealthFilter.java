package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.health.HealthState;

import java.util.function.Predicate;

/** The health filter of the ML lists: what an on-call engineer asks first is "what is broken?". */
public enum HealthFilter {
    ALL("Any health", s -> true),
    ATTENTION("Failed or degraded", HealthState::unhealthy),
    IN_PROGRESS("In progress", s -> s == HealthState.PROGRESSING || s == HealthState.PAUSED),
    HEALTHY("Healthy", s -> s == HealthState.OK),
    UNKNOWN("Unknown", s -> s == HealthState.UNKNOWN);

    private final String label;
    private final Predicate<HealthState> accepts;

    HealthFilter(String label, Predicate<HealthState> accepts) {
        this.label = label;
        this.accepts = accepts;
    }

    public boolean accepts(HealthState state) {
        return accepts.test(state);
    }

    @Override
    public String toString() {
        return label;
    }
}
