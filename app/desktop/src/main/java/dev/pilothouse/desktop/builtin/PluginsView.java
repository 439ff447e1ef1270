package dev.pilothouse.desktop.builtin;

import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.plugin.PluginRecord;
import dev.pilothouse.core.plugin.PluginState;
import dev.pilothouse.sdk.Permission;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;
import java.util.stream.Collectors;

/** Every plugin with its state; failed plugins say why, so a broken plugin is visible, never silent. */
final class PluginsView implements View {

    private final ObservableList<PluginRecord> records = FXCollections.observableArrayList();
    private final VBox root;

    PluginsView(PluginHost host) {
        records.setAll(host.plugins());
        host.onChange(r -> Platform.runLater(() -> records.setAll(host.plugins())));
        TableView<PluginRecord> table = new TableView<>(records);
        table.setId("plugins-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Plugin", PluginRecord::displayName, 180));
        table.getColumns().add(column("Id", PluginRecord::id, 120));
        table.getColumns().add(column("Version", r -> r.descriptor() == null ? "" : r.descriptor().version().toString(), 80));
        TableColumn<PluginRecord, String> state = column("State", r -> label(r.state()), 110);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.allTones());
                setText(empty ? null : item);
                if (!empty && item != null) {
                    getStyleClass().add(Styles.tone(item.equals("Active") ? CellTone.SUCCESS
                            : item.equals("Disabled") ? CellTone.MUTED : CellTone.DANGER));
                }
            }
        });
        table.getColumns().add(state);
        table.getColumns().add(column("Permissions", r -> r.descriptor() == null ? "" : r.descriptor().permissions()
                .stream().map(Permission::description).sorted().collect(Collectors.joining(", ")), 220));
        table.getColumns().add(column("Problem", PluginRecord::problem, 320));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label title = new Label("Plugins");
        title.getStyleClass().add(Styles.TITLE_2);
        long failed = records.stream().filter(r -> r.state() == PluginState.FAILED).count();
        Label subtitle = new Label(records.size() + " plugins, " + failed + " failed. Every feature of Pilothouse is a plugin.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        records.addListener((javafx.collections.ListChangeListener<PluginRecord>) c -> subtitle.setText(records.size()
                + " plugins, " + records.stream().filter(r -> r.state() == PluginState.FAILED).count()
                + " failed. Every feature of Pilothouse is a plugin."));
        root = new VBox(10, title, subtitle, table);
        root.setPadding(new Insets(20));
        root.setId("plugins-view");
    }

    private static String label(PluginState state) {
        return switch (state) {
            case ACTIVE -> "Active";
            case FAILED -> "Failed";
            case INCOMPATIBLE -> "Incompatible";
            case DISABLED -> "Disabled";
        };
    }

    private static TableColumn<PluginRecord, String> column(String title, Function<PluginRecord, String> value, double width) {
        TableColumn<PluginRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public Node node() {
        return root;
    }
}
