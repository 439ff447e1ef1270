package dev.pilothouse.sdk.alerts;

/** Where an alert stands: pending while its rule's {@code for} duration runs, firing after. */
public enum AlertState {
    FIRING, PENDING
}
