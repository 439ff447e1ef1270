package dev.pilothouse.sdk.cluster;

/**
 * Which objects of a kind to watch.
 *
 * @param namespace     one namespace, or empty for all namespaces (and for cluster-scoped kinds)
 * @param labelSelector a Kubernetes label selector, or empty for none
 */
public record WatchScope(String namespace, String labelSelector) {

    /** Every object of the kind. */
    public static final WatchScope ALL = new WatchScope("", "");

    public WatchScope {
        namespace = namespace == null ? "" : namespace.strip();
        labelSelector = labelSelector == null ? "" : labelSelector.strip();
    }

    /** Every object in one namespace. */
    public static WatchScope namespace(String namespace) {
        return new WatchScope(namespace, "");
    }

    public boolean allNamespaces() {
        return namespace.isEmpty();
    }
}
