package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;

import java.util.Objects;

/**
 * A row of one cluster, so lists across clusters can hold rows of the same uid space side by side: two clusters may
 * well hold objects with the same name, and uids are unique only within a cluster.
 *
 * @param cluster the kubeconfig context the row came from
 * @param kind    the kind the row came from (several kinds share a row type)
 * @param row     the row
 * @param <R>     the row type
 */
public record Located<R extends Row>(String cluster, ResourceKind<R> kind, R row) implements Row {

    public Located {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(row, "row");
    }

    @Override
    public String uid() {
        return cluster + "/" + row.uid();
    }

    @Override
    public String namespace() {
        return row.namespace();
    }

    @Override
    public String name() {
        return row.name();
    }

    /** The row's health, as its kind computes it. */
    public Health health() {
        return kind.health(row);
    }

    /** The object, for actions and the detail pane. */
    public ActionTarget target() {
        return new ActionTarget(cluster, kind.gvk(), row.namespace(), row.name());
    }
}
