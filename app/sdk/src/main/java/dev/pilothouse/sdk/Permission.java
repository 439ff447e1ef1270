package dev.pilothouse.sdk;

/**
 * Capabilities a plugin declares. They are shown to the user before a third-party plugin is enabled, and the host
 * only hands out services that match them.
 */
public enum Permission {
    /** Read Kubernetes objects (except secret values). */
    READ_CLUSTER("Read Kubernetes objects"),
    /** Read the values of Secrets. */
    READ_SECRETS("Read secret values"),
    /** Propose changes to clusters; every change still goes through the action engine and its confirmation. */
    PROPOSE_ACTIONS("Propose changes through the action engine"),
    /** Query Prometheus-compatible metrics and alert APIs. */
    QUERY_METRICS("Query metrics and alerts"),
    /** Read files of runbook sources. */
    READ_RUNBOOKS("Read runbooks");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    /** What the permission allows, in words a user understands. */
    public String description() {
        return description;
    }
}
