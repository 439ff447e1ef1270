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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link LiveRows} over a shared watch: background batches are merged into one pending change set and applied on the
 * FX thread once per flush, in bulk. A change set of more than 64 rows replaces the list in one {@code setAll}; a
 * small one updates rows in place. Tables keep their selection across both (ResourceTable reselects by uid).
 *
 * @param <R> row type
 */
public final class FxLiveRows<R extends Row> implements LiveRows<R>, RowListener<R>, FxBatcher.Flushable {

    private final ObservableList<R> rows = FXCollections.observableArrayList();
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
            reindex();
        } else if (!changes.isEmpty()) {
            apply(changes);
        }
        if (nextStatus != null) {
            status.set(nextStatus);
        }
    }

    private void apply(Map<String, R> changes) {
        if (changes.size() > 64) {
            // Many changes: rebuild once rather than firing a list event per row; each event costs the sorted and
            // filtered views above O(rows), so thousands of them per frame would stall the FX thread.
            Map<String, R> merged = new LinkedHashMap<>();
            for (R r : rows) {
                merged.put(r.uid(), r);
            }
            changes.forEach((uid, r) -> {
                if (r == null) {
                    merged.remove(uid);
                } else {
                    merged.put(uid, r);
                }
            });
            rows.setAll(merged.values());
            reindex();
            return;
        }
        java.util.Set<String> removedUids = new java.util.HashSet<>();
        List<R> added = new ArrayList<>();
        for (Map.Entry<String, R> e : changes.entrySet()) {
            Integer at = index.get(e.getKey());
            if (e.getValue() == null) {
                if (at != null) {
                    removedUids.add(e.getKey());
                }
            } else if (at != null) {
                rows.set(at, e.getValue());
            } else {
                added.add(e.getValue());
            }
        }
        boolean removed = !removedUids.isEmpty();
        if (removed) {
            rows.removeIf(r -> removedUids.contains(r.uid()));
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        if (removed || !added.isEmpty()) {
            reindex();
        }
    }

    private void reindex() {
        index.clear();
        for (int i = 0; i < rows.size(); i++) {
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
