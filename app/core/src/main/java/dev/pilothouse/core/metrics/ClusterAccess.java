package dev.pilothouse.core.metrics;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * How the metrics layer reaches a cluster's API server, for detection and the service proxy. Supplied by the
 * composition root from the cluster connections; nothing here connects until a client is asked for.
 */
public interface ClusterAccess {

    /** The API server's URL as the kubeconfig names it (for messages; no connection), or "" if unknown. */
    String apiServer(String cluster);

    /**
     * The cluster's client. It may run a credential plugin, so it is only called on background threads.
     *
     * @throws RuntimeException when the cluster is unknown or its credentials cannot be obtained
     */
    KubernetesClient client(String cluster);

    /** Access for hosts without clusters: nothing can be detected. */
    static ClusterAccess none() {
        return new ClusterAccess() {
            @Override
            public String apiServer(String cluster) {
                return "";
            }

            @Override
            public KubernetesClient client(String cluster) {
                throw new IllegalStateException("no cluster named " + cluster);
            }
        };
    }
}
