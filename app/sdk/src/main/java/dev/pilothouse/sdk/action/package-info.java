/**
 * Actions: two-phase changes that the host's action engine runs. An action never mutates anything itself: its
 * {@link dev.pilothouse.sdk.action.Action#plan plan} returns the exact {@link dev.pilothouse.sdk.action.Mutation
 * mutations} and how to verify them, and the engine does the rest (availability, read-only mode, permission, preview,
 * dry-run, confirmation, execution, verification, audit).
 */
package dev.pilothouse.sdk.action;
