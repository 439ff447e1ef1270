package dev.pilothouse.plugins.clusters.fleet;

import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.ViewContext;

/**
 * The rows of one kind that another plugin put in a fleet category (pipelines, models, agents), watched for one
 * cluster card: the card counts the unhealthy ones without knowing the kind.
 *
 * @param <R> row type
 */
final class CategoryWatch<R extends Row> {

    private final ResourceKind<R> kind;
    private final LiveRows<R> rows;

    CategoryWatch(ViewContext context, String cluster, ResourceKind<R> kind) {
        this.kind = kind;
        this.rows = context.liveRows(cluster, kind, WatchScope.ALL);
    }

    String category() {
        return kind.fleetCategory().orElse("");
    }

    LiveRows<R> rows() {
        return rows;
    }

    /** Rows whose health needs attention (failed or degraded). */
    int unhealthy() {
        int n = 0;
        for (R row : rows.rows()) {
            if (kind.health(row).state().unhealthy()) {
                n++;
            }
        }
        return n;
    }

    /** Where the watch stands: whether its count means anything yet. */
    WatchState state() {
        return rows.status().get().state();
    }
}
