package dev.pilothouse.sdk.ui.kit;

import dev.pilothouse.sdk.kube.Row;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Comparator;

/**
 * The table's sort order (columns, directions) as a comparator over rows. For ResourceTable's own columns, whose
 * cell value is the row itself, it calls the column's comparator directly: TableView's comparator would build two
 * cell-value wrappers per comparison, and a sort makes hundreds of thousands of them.
 */
final class TableSortOrder {

    /** Marks a column whose cell value is the row (a key in its properties). */
    static final Object ROW_VALUED = new Object();

    private TableSortOrder() {
    }

    /** The comparator for the table's current sort order, or null when it is not sorted. */
    static <R extends Row> Comparator<R> of(TableView<R> table) {
        if (table.getComparator() == null) {
            return null;
        }
        Comparator<R> result = null;
        for (TableColumn<R, ?> column : table.getSortOrder()) {
            Comparator<R> byColumn = byColumn(column);
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            result = result == null ? byColumn : result.thenComparing(byColumn);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <R extends Row, T> Comparator<R> byColumn(TableColumn<R, T> column) {
        Comparator<T> values = column.getComparator();
        if (column.getProperties().containsKey(ROW_VALUED)) {
            return (Comparator<R>) values;
        }
        return (a, b) -> values.compare(column.getCellData(a), column.getCellData(b));
    }
}
