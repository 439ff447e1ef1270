package dev.pilothouse.sdk.cluster;

/**
 * One configured cluster (a kubeconfig context).
 *
 * @param name      the context name, unique
 * @param server    the API server URL as configured
 * @param namespace the context's default namespace, empty if none
 * @param status    the connection's current status
 */
public record ClusterInfo(String name, String server, String namespace, ConnectionStatus status) {
}
