package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.search.FuzzyMatcher;
import dev.pilothouse.sdk.ui.Styles;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The command palette (Ctrl+K): fuzzy search over views, commands, contexts and the objects of open views. It is an
 * overlay inside the window, not a separate window, so it never loses focus to the window manager. Arrows move,
 * Enter runs, Escape closes.
 */
final class CommandPalette extends StackPane {

    private static final int MAX_RESULTS = 60;

    private final TextField query = new TextField();
    private final ListView<PaletteEntry> results = new ListView<>();
    private final Supplier<List<PaletteEntry>> source;
    private List<PaletteEntry> entries = List.of();
    private Runnable onClose = () -> { };

    CommandPalette(Supplier<List<PaletteEntry>> source) {
        this.source = source;
        setId("command-palette");
        setVisible(false);
        setPickOnBounds(true);
        setAlignment(Pos.TOP_CENTER);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close();
            }
        });

        query.setId("palette-query");
        query.setPromptText("Go to a view, object, context or command…");
        results.setId("palette-results");
        results.setCellFactory(l -> new EntryCell());
        results.setPrefHeight(360);
        results.setFocusTraversable(false);
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && results.getSelectionModel().getSelectedItem() != null) {
                runSelected();
            }
        });
        query.textProperty().addListener((o, a, b) -> refilter());
        query.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> {
                    move(1);
                    e.consume();
                }
                case UP -> {
                    move(-1);
                    e.consume();
                }
                case ENTER -> {
                    runSelected();
                    e.consume();
                }
                case ESCAPE -> {
                    close();
                    e.consume();
                }
                default -> { }
            }
        });

        VBox box = new VBox(query, results);
        box.getStyleClass().add("ph-palette");
        box.setMaxWidth(640);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setMargin(box, new Insets(72, 24, 24, 24));
        getChildren().add(box);
    }

    void open() {
        entries = source.get();
        query.clear();
        refilter();
        setVisible(true);
        query.requestFocus();
    }

    void close() {
        setVisible(false);
        onClose.run();
    }

    void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    boolean isOpen() {
        return isVisible();
    }

    private void refilter() {
        String q = query.getText() == null ? "" : query.getText();
        record Scored(PaletteEntry entry, int score) {
        }
        List<PaletteEntry> matches = entries.stream()
                .map(e -> new Scored(e, score(q, e)))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .limit(MAX_RESULTS)
                .map(Scored::entry)
                .toList();
        results.setItems(FXCollections.observableArrayList(matches));
        if (!matches.isEmpty()) {
            results.getSelectionModel().select(0);
            results.scrollTo(0);
        }
    }

    private static int score(String query, PaletteEntry e) {
        int best = FuzzyMatcher.score(query, e.title());
        for (String k : e.keywords()) {
            // A keyword hit counts a little less than a title hit.
            best = Math.max(best, FuzzyMatcher.score(query, k) * 3 / 4);
        }
        return best;
    }

    private void move(int delta) {
        int size = results.getItems().size();
        if (size == 0) {
            return;
        }
        int next = Math.floorMod(results.getSelectionModel().getSelectedIndex() + delta, size);
        results.getSelectionModel().select(next);
        results.scrollTo(Math.max(0, next - 4));
    }

    private void runSelected() {
        PaletteEntry entry = results.getSelectionModel().getSelectedItem();
        if (entry == null) {
            return;
        }
        close();
        entry.action().run();
    }

    ListView<PaletteEntry> results() {
        return results;
    }

    private static final class EntryCell extends ListCell<PaletteEntry> {
        @Override
        protected void updateItem(PaletteEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(item.title());
            Label category = new Label(item.category());
            category.getStyleClass().addAll("ph-palette-category", Styles.TEXT_SMALL);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(8, title, spacer, category);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
