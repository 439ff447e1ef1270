package dev.pilothouse.sdk.ui.kit.table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Updates a sorted list by a batch of removals, in-place replacements and insertions in one pass: each insertion
 * point is found by binary search, and the rows between changes are copied in runs without comparing them. A frame
 * of k changes to n rows costs O(n) copying and O(k log n) comparisons, where re-sorting costs O(n log n). On a
 * 10,000-row table the comparisons dominate (each touches rows scattered over the heap), so a replacement that keeps
 * its place is checked against its two neighbours rather than searched for.
 */
final class SortedMerge {

    private SortedMerge() {
    }

    /**
     * Puts {@code replacement} at {@code at} in place of the element there if it sorts between that place's
     * neighbours, and says whether it did. Called in ascending positions, each check sees the final left neighbour,
     * so the list stays sorted. Two comparisons, where re-inserting would cost a binary search.
     */
    static <E> boolean replaceInPlace(List<E> sorted, int at, E replacement, Comparator<? super E> order) {
        boolean afterLeft = at == 0 || order.compare(sorted.get(at - 1), replacement) < 0;
        boolean beforeRight = at == sorted.size() - 1 || order.compare(replacement, sorted.get(at + 1)) < 0;
        if (afterLeft && beforeRight) {
            sorted.set(at, replacement);
            return true;
        }
        return false;
    }

    /**
     * {@code sorted} without the elements at the {@code gone} positions and with {@code incoming} (sorted by the same
     * order) merged in, as a new list. Reports each removal and insertion to {@code edits}, and the positions in
     * {@code replaced} (see {@link #replaceInPlace}) as updates.
     */
    static <E> List<E> merge(List<E> sorted, BitSet gone, BitSet replaced, List<E> incoming,
                             Comparator<? super E> order, ListEdits<E> edits) {
        int n = sorted.size();
        int m = incoming.size();
        int[] insertAt = new int[m];
        int lower = 0;
        for (int j = 0; j < m; j++) {
            lower = lowerBound(sorted, lower, n, incoming.get(j), order);
            insertAt[j] = lower;
        }
        List<E> next = new ArrayList<>(n - gone.cardinality() + m);
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (j < m && insertAt[j] <= i) {
                next.add(incoming.get(j++));
                edits.added(next.size() - 1, next.size());
            } else if (gone.get(i)) {
                edits.removed(next.size(), sorted.get(i));
                i++;
            } else if (replaced.get(i)) {
                next.add(sorted.get(i));
                edits.updated(next.size() - 1);
                i++;
            } else {
                int stop = nextSet(gone, replaced, i, n);
                if (j < m) {
                    stop = Math.min(stop, insertAt[j]);
                }
                next.addAll(sorted.subList(i, stop));
                i = stop;
            }
        }
        return next;
    }

    private static int nextSet(BitSet a, BitSet b, int from, int none) {
        int x = a.nextSetBit(from);
        int y = b.nextSetBit(from);
        return Math.min(x < 0 ? none : x, y < 0 ? none : y);
    }

    /**
     * Where {@code element} (this very object) is in {@code sorted}, or -1. Binary search first; a full scan only if
     * the order was not consistent (a comparator reading something other than the row).
     */
    static <E> int locate(List<E> sorted, E element, Comparator<? super E> order) {
        int n = sorted.size();
        for (int k = lowerBound(sorted, 0, n, element, order); k < n; k++) {
            E candidate = sorted.get(k);
            if (candidate == element) {
                return k;
            }
            if (order.compare(candidate, element) != 0) {
                break;
            }
        }
        for (int k = 0; k < n; k++) {
            if (sorted.get(k) == element) {
                return k;
            }
        }
        return -1;
    }

    /** The first position in {@code [from, to)} whose element is not less than {@code element}. */
    static <E> int lowerBound(List<E> sorted, int from, int to, E element, Comparator<? super E> order) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(sorted.get(mid), element) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
