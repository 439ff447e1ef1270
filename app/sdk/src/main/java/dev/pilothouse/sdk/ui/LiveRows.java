package dev.pilothouse.sdk.ui;

import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.Row;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;

/**
 * Rows of one watch, kept current on the FX thread. The host coalesces server events and applies them at most once
 * per pulse, in bulk. Close it when the view no longer needs it, so the shared watch can stop.
 *
 * @param <R> the row type
 */
public interface LiveRows<R extends Row> extends AutoCloseable {

    /**
     * The rows; changed only on the FX thread. Show them through the UI kit (ResourceTable, SortedRows), which
     * follows each frame's changes incrementally; never modify them.
     */
    ObservableList<R> rows();

    /** The watch's status. */
    ReadOnlyObjectProperty<WatchStatus> status();

    @Override
    void close();
}
