package dev.pilothouse.core.audit;

import java.io.IOException;

/** The audit log cannot be opened or written; the message names the file (and line) and what to do. */
public class AuditLogException extends IOException {

    public AuditLogException(String message) {
        super(message);
    }

    public AuditLogException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Another process (or another AuditLog in this one) is already the directory's writer. */
    public static final class Locked extends AuditLogException {
        public Locked(String message) {
            super(message);
        }
    }
}
