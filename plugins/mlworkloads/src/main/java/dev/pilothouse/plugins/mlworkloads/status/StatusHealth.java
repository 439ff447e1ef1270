package dev.pilothouse.plugins.mlworkloads.status;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;

/** Health values every adapter shares, so the same situation reads the same across kinds. */
public final class StatusHealth {

    /** The reason given when an object has no status at all. */
    public static final String NO_STATUS = "NoStatus";

    /** The reason given while the controller has not seen the latest spec. */
    public static final String RECONCILING = "Reconciling";

    private StatusHealth() {
    }

    /** Whether the controller wrote any status yet. */
    public static boolean hasStatus(KubeObject object) {
        return object.object("status").map(s -> !s.raw().isEmpty()).orElse(false);
    }

    /**
     * A new object, or a controller that is not running: we cannot tell which, so the state is unknown and the
     * message names the controller the user should look at.
     */
    public static Health noStatus(String controller) {
        return Health.of(HealthState.UNKNOWN, NO_STATUS, controller + " has not reported a status yet");
    }

    /** The controller is behind the spec; what it reports is about an older generation. */
    public static Health reconciling(String controller) {
        return Health.of(HealthState.PROGRESSING, RECONCILING, controller + " has not yet observed the latest spec");
    }

    /**
     * Health from a Ready-style condition: true is OK, unknown is still progressing, false is {@code whenFalse}.
     * The reason and message are the controller's own.
     */
    public static Health fromReady(Condition ready, HealthState whenFalse) {
        return switch (ready.status()) {
            case TRUE -> Health.of(HealthState.OK, ready.reasonOr("Ready"), ready.message());
            case UNKNOWN -> Health.of(HealthState.PROGRESSING, ready.reasonOr("NotReady"), ready.message());
            case FALSE -> Health.of(whenFalse, ready.reasonOr("NotReady"), ready.message());
        };
    }
}
