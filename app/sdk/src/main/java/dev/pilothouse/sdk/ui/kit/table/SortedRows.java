package dev.pilothouse.sdk.ui.kit.table;

import dev.pilothouse.sdk.kube.Row;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.collections.WeakListChangeListener;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows a table shows: the source rows that pass a predicate, in comparator order, kept up to date change by
 * change. A change of k rows costs one pass over the shown rows plus k binary searches (see {@link SortedMerge})
 * and is fired as the removals and insertions it made, so the table keeps its selection and scroll position. JavaFX's
 * {@code SortedList} re-sorts everything whenever a change touches more than a few rows, which under a watch storm
 * is every frame.
 *
 * <p>A row replaced by a newer version of itself (same uid) that keeps its place is reported as an <em>update</em>
 * at that place ({@code Change.wasUpdated()}), not as a replacement: a table then refreshes that one row, where a
 * replacement anywhere makes it rebuild every visible row (and reset its selection). Listeners that need the old
 * row should watch the source.
 *
 * <p>Rows the comparator calls equal are ordered by namespace, name and uid ({@link RowOrder}), so each row has one
 * place and a row whose sort key did not change stays where it is. Without a comparator the rows keep the source's
 * order. The predicate and comparator must be pure functions of the (immutable) rows; changing either re-sorts or
 * re-filters once. FX thread only.
 *
 * @param <R> row type
 */
public final class SortedRows<R extends Row> extends ObservableListBase<R> {

    private final ObservableList<? extends R> source;
    private final ListChangeListener<R> sourceListener = this::sourceChanged;
    private final ListEdits<R> edits = new ListEdits<>() {
        @Override
        public void removed(int at, R element) {
            nextRemove(at, element);
        }

        @Override
        public void added(int from, int to) {
            nextAdd(from, to);
        }

        @Override
        public void updated(int at) {
            nextUpdate(at);
        }
    };
    private final ObjectProperty<Comparator<? super R>> comparator = new SimpleObjectProperty<>(this, "comparator") {
        @Override
        protected void invalidated() {
            Comparator<? super R> c = get();
            order = c == null ? null : RowOrder.total(c);
            resync();
        }
    };
    private final ObjectProperty<Predicate<? super R>> predicate = new SimpleObjectProperty<>(this, "predicate") {
        @Override
        protected void invalidated() {
            resync();
        }
    };
    private List<R> shown;
    /** The comparator with ties broken; null: source order. */
    private Comparator<R> order;

    public SortedRows(ObservableList<? extends R> source) {
        this.source = source;
        this.shown = new ArrayList<>(source);
        // Weak, as in JavaFX's own transformation lists: a table that goes away must not be kept by its source.
        source.addListener(new WeakListChangeListener<>(sourceListener));
    }

    /** The order of the rows; null keeps the source's order. Bound to the table's sort order by ResourceTable. */
    public ObjectProperty<Comparator<? super R>> comparatorProperty() {
        return comparator;
    }

    public Comparator<? super R> getComparator() {
        return comparator.get();
    }

    public void setComparator(Comparator<? super R> value) {
        comparator.set(value);
    }

    /** Which rows are shown; null shows every row. */
    public ObjectProperty<Predicate<? super R>> predicateProperty() {
        return predicate;
    }

    public Predicate<? super R> getPredicate() {
        return predicate.get();
    }

    public void setPredicate(Predicate<? super R> value) {
        predicate.set(value);
    }

    @Override
    public R get(int index) {
        return shown.get(index);
    }

    @Override
    public int size() {
        return shown.size();
    }

    private int indexOfIdentity(R row) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) == row) {
                return i;
            }
        }
        return -1;
    }

    /** Whether two rows are versions of the same object. */
    private static boolean sameObject(Row a, Row b) {
        return a.uid().equals(b.uid());
    }

    private boolean shows(R row) {
        Predicate<? super R> p = predicate.get();
        return p == null || p.test(row);
    }

    private void sourceChanged(ListChangeListener.Change<? extends R> change) {
        if (order != null) {
            mergeSorted(change);
        } else if (predicate.get() == null) {
            mirror(change);
        } else {
            followSource(change);
        }
    }

    /**
     * Sorted: removed rows are found by binary search, added ones merged in at theirs. A row replaced by a newer
     * version of itself (the usual watch event) stays in place when it still sorts there.
     */
    private void mergeSorted(ListChangeListener.Change<? extends R> change) {
        BitSet gone = new BitSet(shown.size());
        List<R> incoming = new ArrayList<>();
        List<Replacement<R>> replacements = new ArrayList<>();
        while (change.next()) {
            if (change.wasPermutated()) {
                continue; // the source's order does not matter here
            }
            if (change.wasUpdated()) {
                // The row object changed in place, so its old sort key is unknown: find it by identity.
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    R row = change.getList().get(i);
                    markGone(gone, indexOfIdentity(row));
                    incoming.add(row);
                }
                continue;
            }
            List<? extends R> removed = change.getRemoved();
            List<? extends R> added = change.getAddedSubList();
            for (int k = 0; k < removed.size(); k++) {
                R old = removed.get(k);
                R replacement = k < added.size() && sameObject(old, added.get(k)) ? added.get(k) : null;
                if (!shows(old)) {
                    continue;
                }
                int at = SortedMerge.locate(shown, old, order);
                if (replacement != null && at >= 0 && shows(replacement)) {
                    replacements.add(new Replacement<>(at, replacement));
                } else {
                    markGone(gone, at);
                }
            }
            for (int k = 0; k < added.size(); k++) {
                R row = added.get(k);
                boolean pairedWithShownOld = k < removed.size() && sameObject(removed.get(k), row)
                        && shows(removed.get(k));
                if (!pairedWithShownOld) {
                    incoming.add(row);
                }
            }
        }
        // Replacements first, in ascending places, on the old list (discarded after the merge).
        BitSet replaced = new BitSet(shown.size());
        replacements.sort(Comparator.comparingInt(Replacement::at));
        for (Replacement<R> r : replacements) {
            if (SortedMerge.replaceInPlace(shown, r.at(), r.row(), order)) {
                replaced.set(r.at());
            } else {
                gone.set(r.at());
                incoming.add(r.row());
            }
        }
        incoming.removeIf(r -> !shows(r));
        if (gone.isEmpty() && replaced.isEmpty() && incoming.isEmpty()) {
            return;
        }
        incoming.sort(order);
        beginChange();
        try {
            shown = SortedMerge.merge(shown, gone, replaced, incoming, order, edits);
        } finally {
            endChange();
        }
    }

    /** A newer version of the row at a place of the shown list. */
    private record Replacement<R>(int at, R row) {
    }

    private static void markGone(BitSet gone, int at) {
        if (at >= 0) {
            gone.set(at);
        }
    }

    /** Unsorted and unfiltered: the source's own change, replayed. */
    private void mirror(ListChangeListener.Change<? extends R> change) {
        beginChange();
        try {
            while (change.next()) {
                int from = change.getFrom();
                int to = change.getTo();
                if (change.wasPermutated()) {
                    int[] perm = new int[to - from];
                    List<R> before = new ArrayList<>(shown.subList(from, to));
                    for (int i = from; i < to; i++) {
                        perm[i - from] = change.getPermutation(i);
                        shown.set(perm[i - from], before.get(i - from));
                    }
                    nextPermutation(from, to, perm);
                } else if (change.wasUpdated()) {
                    for (int i = from; i < to; i++) {
                        nextUpdate(i);
                    }
                } else if (change.getRemovedSize() == change.getAddedSize()) {
                    replaceInPlace(from, change.getRemoved(), change.getAddedSubList());
                } else {
                    shown.subList(from, from + change.getRemovedSize()).clear();
                    shown.addAll(from, change.getAddedSubList());
                    if (change.wasRemoved()) {
                        nextRemove(from, change.getRemoved());
                    }
                    if (change.wasAdded()) {
                        nextAdd(from, to);
                    }
                }
            }
        } finally {
            endChange();
        }
    }

    private void replaceInPlace(int from, List<? extends R> removed, List<? extends R> added) {
        for (int k = 0; k < added.size(); k++) {
            shown.set(from + k, added.get(k));
            if (sameObject(removed.get(k), added.get(k))) {
                nextUpdate(from + k);
            } else {
                nextRemove(from + k, removed.get(k));
                nextAdd(from + k, from + k + 1);
            }
        }
    }

    /** Unsorted but filtered: one walk over the source. */
    private void followSource(ListChangeListener.Change<? extends R> change) {
        Set<R> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<R> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        while (change.next()) {
            if (change.wasPermutated()) {
                resync();
                return;
            }
            if (change.wasUpdated()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    gone.add(change.getList().get(i));
                    fresh.add(change.getList().get(i));
                }
                continue;
            }
            gone.addAll(change.getRemoved());
            fresh.addAll(change.getAddedSubList());
        }
        beginChange();
        try {
            shown = ListDiffs.followSource(source, shown, gone, fresh, this::shows, edits);
        } finally {
            endChange();
        }
    }

    /**
     * Sorts and filters everything again, for columns whose values change without their rows changing (figures read
     * from elsewhere, such as serving metrics): the incremental merge assumes a row keeps its place until it is
     * replaced. Fires a permutation when only the order changed. FX thread only.
     */
    public void resort() {
        resync();
    }

    /**
     * After the comparator or predicate changed: filters and sorts everything once, and fires a permutation (same
     * rows, new order) or the rows that appeared and disappeared (same order, new filter).
     */
    private void resync() {
        List<R> whole = new ArrayList<>(source);
        if (order != null) {
            whole.sort(order);
        }
        List<R> next = new ArrayList<>(whole.size());
        for (R row : whole) {
            if (shows(row)) {
                next.add(row);
            }
        }
        List<R> old = shown;
        beginChange();
        try {
            shown = next;
            int[] perm = ListDiffs.permutation(old, next);
            if (perm != null) {
                if (!ListDiffs.isIdentity(perm)) {
                    nextPermutation(0, next.size(), perm);
                }
            } else if (ListDiffs.isSubsequence(old, whole)) {
                ListDiffs.betweenSubsequences(whole, old, next, edits);
            } else {
                // Old and new differ in rows and in order (both changed at once): say so plainly.
                if (!old.isEmpty()) {
                    nextRemove(0, old);
                }
                if (!next.isEmpty()) {
                    nextAdd(0, next.size());
                }
            }
        } finally {
            endChange();
        }
    }
}
