package dev.pilothouse.plugins.mlworkloads.status;

import dev.pilothouse.sdk.kube.KubeObject;

import java.util.Optional;

/**
 * One entry of {@code status.conditions}. Adapters look conditions up by the types they know, so types a newer
 * controller adds are ignored rather than misread.
 *
 * @param type    the condition type, such as {@code Ready}
 * @param status  true, false or unknown
 * @param reason  the controller's short reason; empty when none
 * @param message the controller's message; empty when none
 */
public record Condition(String type, Status status, String reason, String message) {

    /** The tri-state {@code status} field; anything but "True" or "False" reads as unknown. */
    public enum Status { TRUE, FALSE, UNKNOWN }

    /** The condition of the given type, if the controller reported it. */
    public static Optional<Condition> of(KubeObject object, String type) {
        return object.condition(type).map(c -> new Condition(type, status(c.string("status")), c.string("reason"),
                c.string("message")));
    }

    private static Status status(String text) {
        return switch (text) {
            case "True" -> Status.TRUE;
            case "False" -> Status.FALSE;
            default -> Status.UNKNOWN;
        };
    }

    public boolean isTrue() {
        return status == Status.TRUE;
    }

    public boolean isFalse() {
        return status == Status.FALSE;
    }

    /** The reason, or {@code fallback} when the controller gave none. */
    public String reasonOr(String fallback) {
        return reason.isEmpty() ? fallback : reason;
    }
}
