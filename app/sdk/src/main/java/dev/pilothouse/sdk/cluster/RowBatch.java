package dev.pilothouse.sdk.cluster;

import dev.pilothouse.sdk.kube.Row;

import java.util.List;

/**
 * A batch of row changes for one watch. Batches are coalesced: many server events become one batch.
 *
 * @param upserts rows added or changed, at most one per uid
 * @param deletes uids removed
 * @param replace when true the batch replaces everything delivered before (after a relist): upserts are the full set
 * @param <R>     the row type
 */
public record RowBatch<R extends Row>(List<R> upserts, List<String> deletes, boolean replace) {

    public RowBatch {
        upserts = List.copyOf(upserts);
        deletes = List.copyOf(deletes);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty() && !replace;
    }
}
