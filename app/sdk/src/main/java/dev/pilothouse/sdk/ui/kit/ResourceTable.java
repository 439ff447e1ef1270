package dev.pilothouse.sdk.ui.kit;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * Builds a virtualized {@link TableView} from SDK columns: text, tone and sort order come from the column, so every
 * resource table in the app looks and sorts the same way. Rows are expected to change in bulk (see
 * {@code LiveRows}); sorting uses a {@link SortedList} bound to the table's comparator.
 */
public final class ResourceTable {

    private ResourceTable() {
    }

    /** A table over the rows with the given columns; sortable on every column. */
    public static <R extends Row> TableView<R> create(ObservableList<R> rows, List<Column<R>> columns) {
        TableView<R> table = new TableView<>();
        table.getStyleClass().addAll("ph-resource-table", Styles.DENSE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (Column<R> column : columns) {
            table.getColumns().add(tableColumn(column));
        }
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        keepSelectionAcrossBulkUpdates(table, sorted);
        return table;
    }

    /**
     * A bulk update replaces row objects, and the selection model then drops the selection. The user selected an
     * object, not a row index: reselect the row with the same uid after each change, if it is still there.
     */
    private static <R extends Row> void keepSelectionAcrossBulkUpdates(TableView<R> table, ObservableList<R> items) {
        String[] selectedUid = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selectedUid[0] = now.uid();
            }
        });
        items.addListener((javafx.collections.ListChangeListener<R>) change -> {
            if (selectedUid[0] == null || !table.getSelectionModel().isEmpty()) {
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).uid().equals(selectedUid[0])) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
            selectedUid[0] = null; // the object is gone
        });
    }

    private static <R extends Row> TableColumn<R, R> tableColumn(Column<R> column) {
        TableColumn<R, R> tc = new TableColumn<>(column.title());
        tc.setId(column.id());
        tc.setPrefWidth(column.preferredWidth());
        tc.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        tc.setComparator(column.comparator());
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
}
