package dev.pilothouse.sdk.cluster;

import dev.pilothouse.sdk.kube.Row;

/**
 * Receives the rows of a watch. Called on a background thread, never concurrently for one subscription; views
 * should use {@code ViewContext.liveRows} instead, which already delivers on the FX thread once per pulse.
 *
 * @param <R> the row type
 */
public interface RowListener<R extends Row> {

    /** Row changes. */
    void onBatch(RowBatch<R> batch);

    /** The watch's status changed. */
    default void onStatus(WatchStatus status) {
    }
}
