package dev.pilothouse.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: the caller's entry, stamped and chained by {@link AuditLog}.
 *
 * @param seq      the position in the chain, 1 for the first record after the genesis value
 * @param time     when the log wrote the record (UTC, millisecond precision)
 * @param entry    what happened
 * @param prevHash SHA-256 (lowercase hex) of the previous record's line bytes, or {@link AuditChain#GENESIS}
 * @param hash     SHA-256 (lowercase hex) of this record's line without its own hash member
 */
public record AuditRecord(long seq, Instant time, AuditEntry entry, String prevHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
