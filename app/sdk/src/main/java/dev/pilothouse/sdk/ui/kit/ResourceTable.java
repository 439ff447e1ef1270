package dev.pilothouse.sdk.ui.kit;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.kit.table.SortedRows;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * Builds a virtualized {@link TableView} from SDK columns: text, tone and sort order come from the column, so every
 * resource table in the app looks and sorts the same way. Rows are expected to change in bulk (see
 * {@code LiveRows}); the table shows them through {@link SortedRows}, which follows the table's sort order and
 * applies each batch of changes incrementally. The selection stays on the object the user selected (by uid) while
 * its row is replaced or moves.
 */
public final class ResourceTable {

    private ResourceTable() {
    }

    /** A table over the rows with the given columns; sortable on every column. */
    public static <R extends Row> TableView<R> create(ObservableList<R> rows, List<Column<R>> columns) {
        return create(new SortedRows<>(rows), columns);
    }

    /**
     * A table showing {@code rows}, whose predicate stays the caller's to set (a view's filter) and whose comparator
     * is bound to the table's sort order.
     */
    public static <R extends Row> TableView<R> create(SortedRows<R> rows, List<Column<R>> columns) {
        TableView<R> table = new TableView<>();
        table.getStyleClass().addAll("ph-resource-table", Styles.DENSE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (Column<R> column : columns) {
            table.getColumns().add(tableColumn(column));
        }
        rows.comparatorProperty().bind(Bindings.createObjectBinding(() -> TableSortOrder.of(table),
                table.comparatorProperty()));
        // The rows sort themselves when the comparator changes. The default policy would sort the (read-only)
        // items in place, fail, and undo the user's click.
        table.setSortPolicy(t -> true);
        UidSelection.setItems(table, rows);
        return table;
    }

    private static <R extends Row> TableColumn<R, R> tableColumn(Column<R> column) {
        TableColumn<R, R> tc = new TableColumn<>(column.title());
        tc.setId(column.id());
        tc.setPrefWidth(column.preferredWidth());
        tc.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        tc.setComparator(column.comparator());
        tc.getProperties().put(TableSortOrder.ROW_VALUED, Boolean.TRUE);
        tc.setCellFactory(c -> new ToneCell<>(column));
        return tc;
    }

    /** A cell whose text and tone come from an SDK column. */
    private static final class ToneCell<R extends Row> extends TableCell<R, R> {
        private final Column<R> column;
        private CellTone shownTone = CellTone.DEFAULT;

        ToneCell(Column<R> column) {
            this.column = column;
            setAlignment(switch (column.align()) {
                case LEFT -> Pos.CENTER_LEFT;
                case RIGHT -> Pos.CENTER_RIGHT;
                case CENTER -> Pos.CENTER;
            });
        }

        @Override
        protected void updateItem(R row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                showTone(CellTone.DEFAULT);
                return;
            }
            setText(column.text(row));
            showTone(column.tone(row));
        }

        /** Touches the style classes only when the tone changes: each change costs a CSS pass on the cell. */
        private void showTone(CellTone next) {
            if (next == shownTone) {
                return;
            }
            if (shownTone != CellTone.DEFAULT) {
                getStyleClass().remove(Styles.tone(shownTone));
            }
            if (next != CellTone.DEFAULT) {
                getStyleClass().add(Styles.tone(next));
            }
            shownTone = next;
        }
    }

    /**
     * Restores the table's sort from the settings ({@code key.sort}, {@code key.sortDescending}), or sorts by
     * {@code defaultColumn} at first, and remembers every change the user makes.
     */
    public static <R extends Row> void rememberSort(TableView<R> table, dev.pilothouse.sdk.settings.Settings settings,
                                                    String key, String defaultColumn) {
        String column = settings.get(key + ".sort", defaultColumn);
        boolean descending = settings.getBoolean(key + ".sortDescending", false);
        table.getColumns().stream().filter(c -> column.equals(c.getId())).findFirst().ifPresent(c -> {
            c.setSortType(descending ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(c));
        });
        Runnable save = () -> {
            if (table.getSortOrder().isEmpty()) {
                settings.put(key + ".sort", "");
                return;
            }
            TableColumn<R, ?> first = table.getSortOrder().getFirst();
            settings.put(key + ".sort", first.getId());
            settings.put(key + ".sortDescending", String.valueOf(first.getSortType() == TableColumn.SortType.DESCENDING));
        };
        table.getColumns().forEach(c -> c.sortTypeProperty().addListener((o, a, b) -> save.run()));
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<R, ?>>) c -> save.run());
    }
}
