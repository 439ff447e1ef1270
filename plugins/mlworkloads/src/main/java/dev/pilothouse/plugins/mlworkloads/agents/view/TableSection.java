package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * A titled part of an agent or server page: a short table, or in its place a sentence saying why there is nothing
 * (loading, empty, failed), so no part of the page is ever blank. The table is as tall as its rows.
 *
 * @param <R> row type
 */
final class TableSection<R extends Row> extends VBox {

    private static final double ROW_HEIGHT = 26;
    private static final double MAX_HEIGHT = 340;
    private static final double MESSAGE_HEIGHT = 120;
    private static final double SCROLL_BAR = 22;

    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final TableView<R> table;
    private final StatePane state;
    private final Label caption = new Label();

    TableSection(String id, String title, List<Column<R>> columns) {
        super(6);
        setId(id);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        setCaption("");
        table = ResourceTable.create(rows, columns);
        table.setId(id + "-table");
        table.setPlaceholder(new Label(""));
        state = new StatePane(table);
        state.setMinHeight(MESSAGE_HEIGHT);
        getChildren().addAll(heading, caption, state);
    }

    /** A sentence above the table (or the message); empty hides it. */
    void setCaption(String text) {
        caption.setText(text);
        caption.setVisible(!text.isEmpty());
        caption.setManaged(!text.isEmpty());
    }

    void show(List<R> items) {
        rows.setAll(items);
        // A header row, the rows, and room for the horizontal scroll bar wide columns bring.
        double height = Math.min(MAX_HEIGHT, ROW_HEIGHT * (items.size() + 1) + SCROLL_BAR);
        table.setPrefHeight(height);
        state.setMinHeight(height);
        state.setPrefHeight(height);
        state.showContent();
    }

    /** Shows the rows, or when there are none the empty message. */
    void show(List<R> items, String emptyTitle, String emptyDetail) {
        if (items.isEmpty()) {
            showEmpty(emptyTitle, emptyDetail);
        } else {
            show(items);
        }
    }

    void showEmpty(String title, String detail) {
        rows.clear();
        compact();
        state.showEmpty(title, detail);
    }

    void showError(String title, String detail, Runnable retry) {
        rows.clear();
        compact();
        state.showError(title, detail, retry);
    }

    /** Room for a message only: the hidden table would otherwise keep its default height and push it out of view. */
    private void compact() {
        table.setPrefHeight(MESSAGE_HEIGHT);
        state.setMinHeight(MESSAGE_HEIGHT);
        state.setPrefHeight(MESSAGE_HEIGHT);
    }
}
