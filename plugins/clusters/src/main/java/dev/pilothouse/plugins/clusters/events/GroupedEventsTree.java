package dev.pilothouse.plugins.clusters.events;

import dev.pilothouse.plugins.clusters.kinds.EventRow;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.kit.Formats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Events as a tree: one header line per involved object (kind/name, namespace, worst type, latest reason and
 * message, occurrences, last seen), its events under it. Groups with warnings come first and start expanded; what
 * the user expands or collapses stays so while events keep arriving, and so does the selected line.
 */
final class GroupedEventsTree {

    private final TreeTableView<EventLine> tree = new TreeTableView<>();
    private final TreeItem<EventLine> root = new TreeItem<>();
    /** Expanded state the user chose, by group key; groups not in here follow the default. */
    private final Map<String, Boolean> expandedByUser = new HashMap<>();
    private final Map<String, TreeItem<EventLine>> groupItems = new HashMap<>();
    private boolean refreshing;

    GroupedEventsTree(Consumer<EventRow> open) {
        tree.setId("events-tree");
        tree.getStyleClass().addAll("ph-resource-table", Styles.DENSE);
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        tree.getColumns().setAll(List.of(
                column("object", "Object", 380, Pos.CENTER_LEFT, GroupedEventsTree::objectText, e -> ""),
                column("namespace", "Namespace", 110, Pos.CENTER_LEFT, EventGroup::namespace, e -> ""),
                column("type", "Type", 80, Pos.CENTER_LEFT, g -> type(g.warning()), e -> type(e.warning())),
                column("reason", "Reason", 150, Pos.CENTER_LEFT, g -> g.latest().reason(), EventRow::reason),
                column("message", "Message", 360, Pos.CENTER_LEFT, g -> g.latest().message(), EventRow::message),
                column("count", "Count", 70, Pos.CENTER_RIGHT,
                        g -> String.valueOf(g.occurrences()), e -> String.valueOf(e.count())),
                column("last", "Last seen", 90, Pos.CENTER_RIGHT, g -> age(g.last()), e -> age(e.last()))));
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(open);
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected(open);
            }
        });
    }

    TreeTableView<EventLine> node() {
        return tree;
    }

    /** Shows these events grouped; keeps expansion and the selected line. */
    void show(List<? extends EventRow> rows) {
        String selected = selectionKey(tree.getSelectionModel().getSelectedItem());
        List<TreeItem<EventLine>> children = new ArrayList<>();
        Map<String, TreeItem<EventLine>> items = new HashMap<>();
        TreeItem<EventLine> toSelect = null;
        refreshing = true;
        try {
            for (EventGroup group : EventGroup.of(rows)) {
                TreeItem<EventLine> item = groupItems.computeIfAbsent(group.key(), this::newGroupItem);
                item.setValue(new EventLine.Group(group));
                // A single event is its group's line: a child would repeat it.
                List<EventRow> shownUnder = group.events().size() > 1 ? group.events() : List.of();
                List<TreeItem<EventLine>> events = new ArrayList<>(shownUnder.size());
                for (EventRow event : shownUnder) {
                    TreeItem<EventLine> line = new TreeItem<>(new EventLine.Event(event));
                    events.add(line);
                    if (event.uid().equals(selected)) {
                        toSelect = line;
                    }
                }
                item.getChildren().setAll(events);
                item.setExpanded(!events.isEmpty() && expandedByUser.getOrDefault(group.key(), group.warning()));
                items.put(group.key(), item);
                children.add(item);
                if (group.key().equals(selected) || shownUnder.isEmpty() && group.latest().uid().equals(selected)) {
                    toSelect = item;
                }
            }
            groupItems.keySet().retainAll(items.keySet());
            root.getChildren().setAll(children);
            if (toSelect != null) {
                tree.getSelectionModel().select(toSelect);
            }
        } finally {
            refreshing = false;
        }
    }

    private TreeItem<EventLine> newGroupItem(String key) {
        TreeItem<EventLine> item = new TreeItem<>();
        item.expandedProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                expandedByUser.put(key, now);
            }
        });
        return item;
    }

    private static String selectionKey(TreeItem<EventLine> item) {
        if (item == null) {
            return null;
        }
        return switch (item.getValue()) {
            case EventLine.Group g -> g.group().key();
            case EventLine.Event e -> e.row().uid();
        };
    }

    private static String objectText(EventGroup group) {
        String object = group.kind() + "/" + group.name();
        return group.events().size() > 1 ? object + " (" + group.events().size() + ")" : object;
    }

    /** Enter on an event (or a group of one) opens it; on a larger group, it opens or closes the group. */
    private void openSelected(Consumer<EventRow> open) {
        TreeItem<EventLine> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        switch (item.getValue()) {
            case EventLine.Event e -> open.accept(e.row());
            case EventLine.Group g when g.group().events().size() == 1 -> open.accept(g.group().latest());
            case EventLine.Group g -> item.setExpanded(!item.isExpanded());
        }
    }

    private static String type(boolean warning) {
        return warning ? "Warning" : "Normal";
    }

    private static String age(Instant last) {
        return last == null ? "" : Formats.age(last, Instant.now()) + " ago";
    }

    private static TreeTableColumn<EventLine, EventLine> column(String id, String title, double width, Pos align,
                                                                Function<EventGroup, String> groupText,
                                                                Function<EventRow, String> eventText) {
        TreeTableColumn<EventLine, EventLine> column = new TreeTableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false); // the order is the grouping's: warnings first, newest first
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        column.setCellFactory(c -> new LineCell(align, line -> switch (line) {
            case EventLine.Group g -> groupText.apply(g.group());
            case EventLine.Event e -> eventText.apply(e.row());
        }, "type".equals(id), "object".equals(id)));
        return column;
    }

    /**
     * Text from the line; a group's object in bold; the type column toned like the events table (through a label:
     * the theme tones labels and table cells, not tree cells).
     */
    private static final class LineCell extends TreeTableCell<EventLine, EventLine> {
        private final Function<EventLine, String> text;
        private final Label toned;
        private final boolean boldForGroups;

        LineCell(Pos align, Function<EventLine, String> text, boolean toned, boolean boldForGroups) {
            this.text = text;
            this.toned = toned ? new Label() : null;
            this.boldForGroups = boldForGroups;
            setAlignment(align);
        }

        @Override
        protected void updateItem(EventLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove(Styles.TEXT_BOLD);
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (boldForGroups && line instanceof EventLine.Group) {
                getStyleClass().add(Styles.TEXT_BOLD);
            }
            if (toned == null) {
                setText(text.apply(line));
                return;
            }
            boolean warning = switch (line) {
                case EventLine.Group g -> g.group().warning();
                case EventLine.Event e -> e.row().warning();
            };
            toned.setText(text.apply(line));
            toned.getStyleClass().setAll("label", Styles.tone(warning ? CellTone.WARNING : CellTone.MUTED));
            setText(null);
            setGraphic(toned);
        }
    }
}
