package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.ViewContribution;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sidebar, built from view contributions grouped by section. Fully keyboard-driven: arrows move, the selection
 * opens the view; section headings are skipped.
 */
final class Sidebar extends VBox {

    private final ListView<NavItem> list = new ListView<>();
    private boolean updating;

    Sidebar(List<Registered<ViewContribution>> views, Consumer<String> navigate) {
        getStyleClass().add("ph-sidebar");
        list.setId("sidebar");
        list.setItems(items(views));
        list.setCellFactory(l -> new NavCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, previous, item) -> {
            if (updating || item == null) {
                return;
            }
            if (item instanceof NavItem.Section) {
                skipSection(previous);
                return;
            }
            navigate.accept(((NavItem.Entry) item).view().id());
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().add(list);
    }

    private static ObservableList<NavItem> items(List<Registered<ViewContribution>> views) {
        ObservableList<NavItem> items = FXCollections.observableArrayList();
        for (NavSection section : NavSection.values()) {
            List<Registered<ViewContribution>> inSection = views.stream()
                    .filter(v -> v.contribution().section() == section)
                    .sorted(Comparator.comparingInt(v -> v.contribution().order()))
                    .toList();
            if (inSection.isEmpty()) {
                continue;
            }
            items.add(new NavItem.Section(section));
            inSection.forEach(v -> items.add(new NavItem.Entry(v.contribution(), v.pluginId())));
        }
        return items;
    }

    private void skipSection(NavItem previous) {
        int index = list.getSelectionModel().getSelectedIndex();
        int previousIndex = previous == null ? -1 : list.getItems().indexOf(previous);
        int next = previousIndex > index ? index - 1 : index + 1;
        if (next < 0 || next >= list.getItems().size()) {
            next = previousIndex;
        }
        int target = next;
        javafx.application.Platform.runLater(() -> list.getSelectionModel().select(target));
    }

    /** Marks a view as the selected entry without navigating again. */
    void select(String viewId) {
        updating = true;
        try {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof NavItem.Entry e && e.view().id().equals(viewId)) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(Math.max(0, i - 3));
                    return;
                }
            }
        } finally {
            updating = false;
        }
    }

    void focusList() {
        list.requestFocus();
    }

    ListView<NavItem> list() {
        return list;
    }

    private static final class NavCell extends ListCell<NavItem> {
        @Override
        protected void updateItem(NavItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("ph-nav-section");
            setDisable(false);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            switch (item) {
                case NavItem.Section s -> {
                    setText(s.section().title().toUpperCase(java.util.Locale.ROOT));
                    setGraphic(null);
                    getStyleClass().add("ph-nav-section");
                    setMouseTransparent(true);
                    setFocusTraversable(false);
                }
                case NavItem.Entry e -> {
                    setMouseTransparent(false);
                    Label icon = new Label(e.view().icon());
                    icon.getStyleClass().add("ph-nav-icon");
                    Label title = new Label(e.view().title());
                    HBox box = new HBox(8, icon, title);
                    setText(null);
                    setGraphic(box);
                    setId("nav-" + e.view().id());
                }
            }
        }
    }
}
