package dev.pilothouse.desktop.fx;

import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.RowBatch;
import dev.pilothouse.sdk.cluster.RowListener;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.kit.table.BatchList;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link LiveRows} over a shared watch: background batches are merged into one pending change set (the latest row
 * per uid) and applied on the FX thread once per flush, as one list change however many rows it touches: updates
 * in place, deletions and additions by position. A relist replaces the list.
 *
 * @param <R> row type
 */
public final class FxLiveRows<R extends Row> implements LiveRows<R>, RowListener<R>, FxBatcher.Flushable {

    private final BatchList<R> rows = new BatchList<>();
    private final ReadOnlyObjectWrapper<WatchStatus> status = new ReadOnlyObjectWrapper<>(WatchStatus.loading());
    private final FxBatcher batcher;
    private final String cluster;
    private final ResourceKind<R> kind;
    private final Consumer<FxLiveRows<?>> onClose;
    private Subscription subscription;

    // Pending changes, guarded by this. upserts keyed by uid; a null value marks a delete.
    private final Map<String, R> pending = new LinkedHashMap<>();
    private boolean pendingReplace;
    private WatchStatus pendingStatus;

    // FX-thread state: where each uid sits in rows.
    private final Map<String, Integer> index = new HashMap<>();
    private boolean closed;

    private FxLiveRows(FxBatcher batcher, String cluster, ResourceKind<R> kind, Consumer<FxLiveRows<?>> onClose) {
        this.batcher = batcher;
        this.cluster = cluster;
        this.kind = kind;
        this.onClose = onClose;
    }

    /** Subscribes to the shared watch and returns the live rows. */
    public static <R extends Row> FxLiveRows<R> open(ClusterService clusters, FxBatcher batcher, String cluster,
                                                     ResourceKind<R> kind, WatchScope scope,
                                                     Consumer<FxLiveRows<?>> onClose) {
        FxLiveRows<R> live = new FxLiveRows<>(batcher, cluster, kind, onClose);
        live.subscription = clusters.watch(cluster, kind, scope, live);
        return live;
    }

    @Override
    public void onBatch(RowBatch<R> batch) {
        synchronized (this) {
            if (batch.replace()) {
                pending.clear();
                pendingReplace = true;
            }
            for (String uid : batch.deletes()) {
                pending.put(uid, null);
            }
            for (R row : batch.upserts()) {
                pending.put(row.uid(), row);
            }
        }
        batcher.requestFlush(this);
    }

    @Override
    public void onStatus(WatchStatus next) {
        synchronized (this) {
            pendingStatus = next;
        }
        batcher.requestFlush(this);
    }

    @Override
    public void flush() {
        Map<String, R> changes;
        boolean replace;
        WatchStatus nextStatus;
        synchronized (this) {
            if (closed) {
                return;
            }
            changes = new LinkedHashMap<>(pending);
            pending.clear();
            replace = pendingReplace;
            pendingReplace = false;
            nextStatus = pendingStatus;
            pendingStatus = null;
        }
        if (replace) {
            List<R> all = new ArrayList<>(changes.size());
            for (R r : changes.values()) {
                if (r != null) {
                    all.add(r);
                }
            }
            rows.setAll(all);
            index.clear();
            indexFrom(0);
        } else if (!changes.isEmpty()) {
            apply(changes);
        }
        if (nextStatus != null) {
            status.set(nextStatus);
        }
    }

    /**
     * Applies a change set as one list change: updates in place, deletions in one compacting pass, new rows at the
     * end. The views above (sorted rows, the table) then do one incremental pass per frame, however many rows changed.
     */
    private void apply(Map<String, R> changes) {
        List<Edit<R>> edits = new ArrayList<>();
        List<R> added = new ArrayList<>();
        int firstRemoved = rows.size();
        for (Map.Entry<String, R> e : changes.entrySet()) {
            Integer at = index.get(e.getKey());
            if (at != null) {
                edits.add(new Edit<>(at, e.getValue()));
                if (e.getValue() == null) {
                    index.remove(e.getKey());
                    firstRemoved = Math.min(firstRemoved, at);
                }
            } else if (e.getValue() != null) {
                added.add(e.getValue());
            }
        }
        edits.sort(Comparator.comparingInt(Edit::at));
        int[] positions = edits.stream().mapToInt(Edit::at).toArray();
        List<R> values = edits.stream().map(Edit::row).toList();
        rows.batch(() -> {
            rows.replaceOrRemove(positions, values);
            rows.addAll(added);
        });
        // Rows after the first deletion moved up; appended rows are new.
        indexFrom(firstRemoved);
    }

    /** A change at a position of the list; a null row deletes. */
    private record Edit<R>(int at, R row) {
    }

    private void indexFrom(int from) {
        for (int i = from; i < rows.size(); i++) {
            index.put(rows.get(i).uid(), i);
        }
    }

    @Override
    public ObservableList<R> rows() {
        return rows;
    }

    @Override
    public ReadOnlyObjectProperty<WatchStatus> status() {
        return status.getReadOnlyProperty();
    }

    /** The cluster watched. */
    public String cluster() {
        return cluster;
    }

    /** The kind watched. */
    public ResourceKind<R> kind() {
        return kind;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        subscription.close();
        onClose.accept(this);
    }
}
