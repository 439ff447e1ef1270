package dev.pilothouse.sdk.health;

import dev.pilothouse.sdk.kube.CellTone;

/** The one health value every kind maps its status to, ordered from worst to best for sorting. */
public enum HealthState {
    FAILED(CellTone.DANGER),
    DEGRADED(CellTone.WARNING),
    UNKNOWN(CellTone.MUTED),
    PROGRESSING(CellTone.ACCENT),
    PAUSED(CellTone.MUTED),
    OK(CellTone.SUCCESS);

    private final CellTone tone;

    HealthState(CellTone tone) {
        this.tone = tone;
    }

    /** The tone tables and badges use for this state. */
    public CellTone tone() {
        return tone;
    }

    /** Whether the state needs somebody's attention. */
    public boolean unhealthy() {
        return this == FAILED || this == DEGRADED;
    }

    /** The state as users read it: {@code Failed}, {@code Progressing}. */
    public String label() {
        String n = name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
