package dev.pilothouse.plugins.clusters.table;

import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.table.BatchList;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors the concatenation of several live row lists (one per kind) into one target list, change by change: a
 * part's change (a frame of row updates) becomes one change of the target with the same edits at the part's
 * offset, not a rebuild of the whole table. Rebuilding on every change made a view with 10,000 rows spend seconds per
 * frame under churn (see docs/benchmarks.md).
 *
 * <p>FX thread only.
 *
 * @param <R> row type
 */
final class ConcatenatedRows<R extends Row> {

    private final BatchList<R> target;
    private final Runnable onChange;
    private final List<Part<R>> parts = new ArrayList<>();
    private final Map<String, ResourceKind<R>> kindOfRow = new HashMap<>();

    private record Part<R extends Row>(ObservableList<R> rows, ResourceKind<R> kind, ListChangeListener<R> listener) {
    }

    ConcatenatedRows(BatchList<R> target, Runnable onChange) {
        this.target = target;
        this.onChange = onChange;
    }

    /** Appends a part: its current rows now, its changes as they come. */
    void add(ObservableList<R> rows, ResourceKind<R> kind) {
        int index = parts.size();
        ListChangeListener<R> listener = change -> apply(index, change);
        parts.add(new Part<>(rows, kind, listener));
        rows.forEach(r -> kindOfRow.put(r.uid(), kind));
        target.addAll(rows);
        rows.addListener(listener);
    }

    /** Forgets every part and empties the target. */
    void clear() {
        parts.forEach(p -> p.rows().removeListener(p.listener()));
        parts.clear();
        kindOfRow.clear();
        target.clear();
    }

    /** The kind a row of the target came from, or {@code fallback} if unknown. */
    ResourceKind<R> kindOf(R row, ResourceKind<R> fallback) {
        return kindOfRow.getOrDefault(row.uid(), fallback);
    }

    private void apply(int partIndex, ListChangeListener.Change<? extends R> change) {
        // The parts before this one have not changed, so their sizes give this part's offset in the target.
        int offset = 0;
        for (int i = 0; i < partIndex; i++) {
            offset += parts.get(i).rows().size();
        }
        int partOffset = offset;
        ResourceKind<R> kind = parts.get(partIndex).kind();
        // All sub-changes become one change of the target: the sorted view above does one pass per change.
        target.batch(() -> {
            while (change.next()) {
                if (change.wasPermutated()) {
                    resync();
                    return;
                }
                if (!change.wasAdded() && !change.wasRemoved()) {
                    continue; // an update event: the row objects are the same
                }
                int from = partOffset + change.getFrom();
                List<? extends R> removed = change.getRemoved();
                List<? extends R> added = change.getAddedSubList();
                removed.forEach(r -> kindOfRow.remove(r.uid()));
                added.forEach(r -> kindOfRow.put(r.uid(), kind));
                if (removed.size() == added.size()) {
                    for (int k = 0; k < added.size(); k++) {
                        target.set(from + k, added.get(k));
                    }
                } else {
                    target.remove(from, from + removed.size());
                    target.addAll(from, added);
                }
            }
        });
        onChange.run();
    }

    private void resync() {
        List<R> all = new ArrayList<>();
        kindOfRow.clear();
        for (Part<R> part : parts) {
            for (R r : part.rows()) {
                all.add(r);
                kindOfRow.put(r.uid(), part.kind());
            }
        }
        target.setAll(all);
    }
}
