package dev.pilothouse.sdk.ui.kit.table;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The edits between two states of a shown list that follow a common order, reported element by element so that a
 * table keeps its selection, focus and scroll position where rows stay. Elements are compared by identity: rows
 * are immutable, and an updated row is a new object.
 */
final class ListDiffs {

    private ListDiffs() {
    }

    /**
     * The shown list after a change of its source, in source order: {@code old} held the elements of the old source
     * that {@code shows} accepts; {@code gone} were removed from the source and {@code fresh} added to it (an
     * element in both moved or was updated). Every other element kept its relative place in the source.
     */
    static <E> List<E> followSource(List<? extends E> source, List<E> old, Set<E> gone, Set<E> fresh,
                                    Predicate<? super E> shows, ListEdits<E> edits) {
        List<E> next = new ArrayList<>(old.size() + fresh.size());
        int i = 0;
        for (E e : source) {
            while (i < old.size() && gone.contains(old.get(i))) {
                edits.removed(next.size(), old.get(i++));
            }
            if (fresh.contains(e)) {
                if (shows.test(e)) {
                    next.add(e);
                    edits.added(next.size() - 1, next.size());
                }
            } else if (i < old.size() && old.get(i) == e) {
                next.add(e);
                i++;
            }
        }
        while (i < old.size()) {
            edits.removed(next.size(), old.get(i++));
        }
        return next;
    }

    /** Whether {@code part} is a subsequence of {@code whole}, element by element. */
    static <E> boolean isSubsequence(List<? extends E> part, List<? extends E> whole) {
        int i = 0;
        for (int k = 0; k < whole.size() && i < part.size(); k++) {
            if (whole.get(k) == part.get(i)) {
                i++;
            }
        }
        return i == part.size();
    }

    /**
     * The edits from {@code old} to {@code next}, both subsequences of {@code whole} (for instance the rows a filter
     * showed before and after it changed, in the same sort order).
     */
    static <E> void betweenSubsequences(List<? extends E> whole, List<E> old, List<E> next, ListEdits<E> edits) {
        int i = 0;
        int j = 0;
        for (E e : whole) {
            boolean wasShown = i < old.size() && old.get(i) == e;
            boolean isShown = j < next.size() && next.get(j) == e;
            if (wasShown && isShown) {
                i++;
                j++;
            } else if (wasShown) {
                edits.removed(j, e);
                i++;
            } else if (isShown) {
                j++;
                edits.added(j - 1, j);
            }
        }
    }

    /**
     * The permutation taking {@code old} to {@code next} ({@code perm[oldIndex] = newIndex}), or null when they do
     * not hold the same elements.
     */
    static <E> int[] permutation(List<E> old, List<E> next) {
        if (old.size() != next.size()) {
            return null;
        }
        Map<E, Integer> oldIndex = new IdentityHashMap<>(old.size() * 2);
        for (int i = 0; i < old.size(); i++) {
            oldIndex.put(old.get(i), i);
        }
        int[] perm = new int[old.size()];
        for (int k = 0; k < next.size(); k++) {
            Integer from = oldIndex.remove(next.get(k));
            if (from == null) {
                return null;
            }
            perm[from] = k;
        }
        return perm;
    }

    /** Whether the permutation moves nothing. */
    static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }
}
