package dev.pilothouse.sdk.kube;

/**
 * A slim, immutable projection of one Kubernetes object: only what a table and a health function need. The resource
 * store keeps rows, never full objects, so rows should hold few fields (a pod row is a few hundred bytes).
 */
public interface Row {

    /** The object's {@code metadata.uid}; the store's key. */
    String uid();

    /** The object's namespace, or an empty string for cluster-scoped objects. */
    String namespace();

    /** The object's name. */
    String name();
}
