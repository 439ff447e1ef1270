package dev.pilothouse.core.kube;

import io.fabric8.kubernetes.client.Config;

import java.nio.file.Path;

/**
 * One kubeconfig context, resolved.
 *
 * @param name      context name
 * @param server    API server URL
 * @param namespace default namespace, empty if none
 * @param user      the kubeconfig user entry's name (not a secret)
 * @param file      the file that defines the context
 * @param config    the Fabric8 client configuration for it
 */
public record ClusterContext(String name, String server, String namespace, String user, Path file, Config config) {
}
