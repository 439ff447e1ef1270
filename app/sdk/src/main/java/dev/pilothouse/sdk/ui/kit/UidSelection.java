package dev.pilothouse.sdk.ui.kit;

import dev.pilothouse.sdk.kube.Row;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * Keeps a table's selection on the object the user selected, by uid. Row updates replace row objects and move them
 * when their sort key changes; the table's selection model follows indexes (and gives up on replaced rows), so on
 * its own it would drop the selection or slide it onto a neighbour. After every change of the items this puts the
 * selection back on the row with the selected uid, or clears it when that object is gone: a deleted pod must not
 * hand its selection, and the actions on it, to another pod.
 */
final class UidSelection<R extends Row> {

    private final TableView<R> table;
    /** The uid the user selected; null when nothing is. */
    private String selectedUid;
    /** True while the items announce a change: selection events then come from the selection model, not the user. */
    private boolean itemsChanging;

    private UidSelection(TableView<R> table) {
        this.table = table;
    }

    /** Sets the table's items and keeps the selection on the same object across their changes. */
    static <R extends Row> void setItems(TableView<R> table, ObservableList<R> items) {
        UidSelection<R> keeper = new UidSelection<>(table);
        // Listeners run in the order they were added: this one before the selection model's (added by setItems)...
        items.addListener((ListChangeListener<R>) c -> keeper.itemsChanging = true);
        table.setItems(items);
        // ...and this one after it, to correct what it did.
        items.addListener((ListChangeListener<R>) c -> keeper.reselect());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!keeper.itemsChanging) {
                keeper.selectedUid = now == null ? null : now.uid();
            }
        });
    }

    private void reselect() {
        itemsChanging = false;
        if (selectedUid == null) {
            return;
        }
        var selection = table.getSelectionModel();
        List<R> items = table.getItems();
        int index = selection.getSelectedIndex();
        if (index >= 0 && index < items.size() && items.get(index) == selection.getSelectedItem()
                && selectedUid.equals(items.get(index).uid())) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (selectedUid.equals(items.get(i).uid())) {
                selection.clearAndSelect(i);
                return;
            }
        }
        selectedUid = null;
        selection.clearSelection();
    }
}
