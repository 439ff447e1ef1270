package dev.pilothouse.core.action;

import dev.pilothouse.core.audit.AuditEntry;
import dev.pilothouse.core.audit.AuditLog;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the action runner records what it did. A runner whose audit is unavailable refuses every action: a change
 * that cannot be recorded is not made.
 */
public interface ActionAudit {

    /** Why nothing can be recorded now (the log is held by another Pilothouse, or damaged), or empty. */
    Optional<String> unavailable();

    /** Appends the record; returns once it is on disk. */
    void record(AuditEntry entry) throws IOException;

    /** Records into the tamper-evident log. */
    static ActionAudit of(AuditLog log) {
        return new ActionAudit() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public void record(AuditEntry entry) throws IOException {
                log.append(entry);
            }
        };
    }

    /** An audit that could not be opened: every action is refused with this reason. */
    static ActionAudit failed(String reason) {
        return new ActionAudit() {
            @Override
            public Optional<String> unavailable() {
                return Optional.of(reason);
            }

            @Override
            public void record(AuditEntry entry) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    /** Records nothing: for tests of the runner's other stages only. */
    static ActionAudit none() {
        return new ActionAudit() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public void record(AuditEntry entry) {
            }
        };
    }
}
