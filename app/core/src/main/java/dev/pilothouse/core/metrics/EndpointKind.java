package dev.pilothouse.core.metrics;

/** The two kinds of monitoring endpoint a cluster has. */
public enum EndpointKind {
    PROMETHEUS("Prometheus"),
    ALERTMANAGER("Alertmanager");

    private final String displayName;

    EndpointKind(String displayName) {
        this.displayName = displayName;
    }

    /** "Prometheus" or "Alertmanager", for messages. */
    public String displayName() {
        return displayName;
    }
}
