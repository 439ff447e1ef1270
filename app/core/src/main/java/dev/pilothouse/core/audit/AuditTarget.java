package dev.pilothouse.core.audit;

import java.util.Objects;

/**
 * The object an action was aimed at.
 *
 * @param kind      the kind as the action names it (for example {@code deployments.apps} or {@code Deployment})
 * @param namespace the namespace, empty for cluster-scoped objects and host services
 * @param name      the object's name
 */
public record AuditTarget(String kind, String namespace, String name) {

    public AuditTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }
}
