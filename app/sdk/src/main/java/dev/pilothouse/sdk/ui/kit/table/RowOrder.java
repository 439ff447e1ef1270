package dev.pilothouse.sdk.ui.kit.table;

import dev.pilothouse.sdk.kube.Row;

import java.util.Comparator;

/**
 * Orders that never tie. Rows a column calls equal (thousands of "Running" pods) are ordered by namespace, name and
 * finally uid, so every row has exactly one place: a changed row can be found and re-placed by binary search, and
 * rows do not swap places when something unrelated changes.
 */
public final class RowOrder {

    /** Namespace, then name, then uid. */
    public static final Comparator<Row> IDENTITY = Comparator.comparing(Row::namespace)
            .thenComparing(Row::name)
            .thenComparing(Row::uid);

    private RowOrder() {
    }

    /** {@code primary}, with ties broken by {@link #IDENTITY}. */
    public static <R extends Row> Comparator<R> total(Comparator<? super R> primary) {
        return (a, b) -> {
            int c = primary.compare(a, b);
            return c != 0 ? c : IDENTITY.compare(a, b);
        };
    }
}
