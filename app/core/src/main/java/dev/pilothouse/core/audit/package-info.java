/**
 * The tamper-evident audit log: append-only JSON Lines, one file per UTC day, each record chained to the previous
 * one by SHA-256 and forced to disk before it is acknowledged. {@link dev.pilothouse.core.audit.AuditLog} writes
 * (one writer per directory), {@link dev.pilothouse.core.audit.AuditVerifier} checks a directory,
 * {@link dev.pilothouse.core.audit.AuditExport} copies it for log shippers. The byte-level format, which auditors
 * verify with their own tools, is specified in docs/audit-format.md: keep the two in step.
 */
package dev.pilothouse.core.audit;
