package dev.pilothouse.core.kube;

import io.fabric8.kubernetes.client.Config;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One kubeconfig context, resolved.
 *
 * <p>The Fabric8 configuration is built on first use, not when the kubeconfig is read: building it runs the context's
 * credential plugin, which may be slow, may open a browser, or may fail; none of that may happen for contexts nobody
 * opens, nor on the FX thread.
 *
 * @param name              context name
 * @param server            API server URL
 * @param namespace         default namespace, empty if none
 * @param user              the kubeconfig user entry's name (not a secret)
 * @param file              the file that defines the context
 * @param config            builds the Fabric8 client configuration; throws when the credentials cannot be obtained
 * @param credentialsFailed told when a request failed authentication (a 401, or credentials that could not be had),
 *                          so credentials that only look valid can be renewed; must return at once
 */
public record ClusterContext(String name, String server, String namespace, String user, Path file, Supplier<Config> config,
                             Runnable credentialsFailed) {

    /** A context whose credentials need no word of a failed authentication (static tokens, certificates). */
    public ClusterContext(String name, String server, String namespace, String user, Path file, Supplier<Config> config) {
        this(name, server, namespace, user, file, config, () -> { });
    }
}
