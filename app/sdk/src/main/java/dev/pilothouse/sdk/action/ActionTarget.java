package dev.pilothouse.sdk.action;

import dev.pilothouse.sdk.kube.GroupVersionKind;

import java.util.Objects;

/**
 * What an action acts on. Non-Kubernetes targets (an Alertmanager silence) use a kind in a
 * {@code pilothouse.dev} group so audit records read the same for every target.
 *
 * @param cluster   the kubeconfig context
 * @param gvk       the kind
 * @param namespace namespace, empty for cluster-scoped objects
 * @param name      object name
 */
public record ActionTarget(String cluster, GroupVersionKind gvk, String namespace, String name) {

    public ActionTarget {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(gvk, "gvk");
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
    }

    /** {@code kind/namespace/name}, as the headless {@code act} command writes targets. */
    public String display() {
        return gvk.kind().toLowerCase(java.util.Locale.ROOT) + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
