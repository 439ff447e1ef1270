package dev.pilothouse.core.audit;

import java.util.Locale;
import java.util.Objects;

/**
 * How an action ended.
 *
 * @param status  succeeded, failed or refused (refused: stopped before anything was sent)
 * @param message what the user was told, empty when there is nothing to add
 */
public record AuditOutcome(Status status, String message) {

    public AuditOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static AuditOutcome succeeded(String message) {
        return new AuditOutcome(Status.SUCCEEDED, message);
    }

    public static AuditOutcome failed(String message) {
        return new AuditOutcome(Status.FAILED, message);
    }

    public static AuditOutcome refused(String message) {
        return new AuditOutcome(Status.REFUSED, message);
    }

    public enum Status {
        SUCCEEDED, FAILED, REFUSED;

        /** The spelling in the file. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status fromJson(String value) {
            for (Status s : values()) {
                if (s.json().equals(value)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown outcome status '" + value + "'");
        }
    }
}
