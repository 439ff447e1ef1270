package dev.pilothouse.core.metrics;

/** Where a cluster's endpoint comes from, in order of precedence. */
public enum EndpointOrigin {
    /** The user's settings. */
    CONFIGURED,
    /** An address known for the context in advance (the demo environment's, a command-line option). */
    PRESET,
    /** Found among the cluster's services and reached through the API server's service proxy. */
    DETECTED
}
