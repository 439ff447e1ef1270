package dev.pilothouse.plugins.clusters.pods;

import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.Locale;

/**
 * Pods of the active cluster, live: filtered by the shell's namespace and by free text over name, namespace, status
 * and node; sortable on every column; the filter text is remembered.
 */
public final class PodsView implements View {

    private final ViewContext context;
    private final ResourceKind<PodRow> kind = PodKind.kind();
    private final ObservableList<PodRow> source = FXCollections.observableArrayList();
    private final FilteredList<PodRow> filtered = new FilteredList<>(source);
    private final TextField search = new TextField();
    private final Label count = new Label();
    private final Label banner = new Label();
    private final TableView<PodRow> table;
    private final StatePane state;
    private final BorderPane root = new BorderPane();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private LiveRows<PodRow> live;

    public PodsView(ViewContext context) {
        this.context = context;
        table = ResourceTable.create(filtered, kind.columns());
        table.setId("pods-table");
        restoreSort();
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<javafx.scene.control.TableColumn<PodRow, ?>>) c -> saveSort());
        table.setPlaceholder(new Label("No pod matches the filter."));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        state = new StatePane(table);

        Label title = new Label("Pods");
        title.getStyleClass().add(Styles.TITLE_2);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        search.setId("pods-search");
        search.setPromptText("Filter by name, namespace, status, node   (/)");
        search.setPrefWidth(340);
        search.setText(context.settings().get("pods.filter", ""));
        search.textProperty().addListener((o, a, b) -> {
            applyFilter();
            context.settings().put("pods.filter", b);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, count, spacer, search);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        banner.getStyleClass().addAll(Styles.BANNER, Styles.tone(dev.pilothouse.sdk.kube.CellTone.WARNING));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setVisible(false);
        banner.setManaged(false);
        VBox top = new VBox(8, header, banner);
        top.setPadding(new Insets(16, 16, 8, 16));
        root.setTop(top);
        root.setCenter(state);
        BorderPane.setMargin(state, new Insets(0, 16, 16, 16));
        root.setId("pods-view");
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SLASH && !search.isFocused()) {
                search.requestFocus();
                e.consume();
            }
        });

        context.activeCluster().addListener((o, a, b) -> subscribe());
        context.namespace().addListener((o, a, b) -> applyFilter());
        subscribe();
    }

    /** The remembered sort column and direction, else problems first (status). */
    private void restoreSort() {
        String column = context.settings().get("pods.sort", "status");
        boolean descending = context.settings().getBoolean("pods.sortDescending", false);
        table.getColumns().stream().filter(c -> column.equals(c.getId())).findFirst().ifPresent(c -> {
            c.setSortType(descending ? javafx.scene.control.TableColumn.SortType.DESCENDING
                    : javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(java.util.List.of(c));
        });
        table.getColumns().forEach(c -> c.sortTypeProperty().addListener((o, a, b) -> saveSort()));
    }

    private void saveSort() {
        if (table.getSortOrder().isEmpty()) {
            context.settings().put("pods.sort", "");
            return;
        }
        var first = table.getSortOrder().getFirst();
        context.settings().put("pods.sort", first.getId());
        context.settings().put("pods.sortDescending",
                String.valueOf(first.getSortType() == javafx.scene.control.TableColumn.SortType.DESCENDING));
    }

    private void subscribe() {
        if (live != null) {
            live.close();
        }
        ready.set(false);
        source.clear();
        state.showLoading("Loading pods of " + context.activeCluster().get() + "…");
        live = context.liveRows(context.activeCluster().get(), kind, WatchScope.ALL);
        live.rows().addListener((javafx.collections.ListChangeListener<PodRow>) c -> {
            source.setAll(live.rows());
            updateCount();
        });
        live.status().addListener((o, a, b) -> showStatus(b));
        source.setAll(live.rows());
        showStatus(live.status().get());
        applyFilter();
    }

    private void showStatus(WatchStatus status) {
        switch (status.state()) {
            case LOADING -> state.showLoading("Loading pods of " + context.activeCluster().get() + "…");
            case SYNCED -> {
                state.showContent();
                hideBanner();
            }
            case STALE -> {
                state.showContent();
                showBanner("Connection lost. Showing pods as they were "
                        + (status.lastSync() == null ? "" : Formats.age(status.lastSync(), Instant.now()) + " ago")
                        + "; reconnecting. " + status.message());
            }
            case FORBIDDEN -> state.showEmpty("You may not list pods here", status.message());
            case NOT_INSTALLED -> state.showEmpty("Pods are not served by this cluster", status.message());
            case FAILED -> state.showError("Could not load pods from " + context.activeCluster().get(),
                    status.message(), this::subscribe);
        }
        ready.set(status.state() != WatchState.LOADING);
        updateCount();
    }

    private void showBanner(String text) {
        banner.setText(text);
        banner.setVisible(true);
        banner.setManaged(true);
    }

    private void hideBanner() {
        banner.setVisible(false);
        banner.setManaged(false);
    }

    private void applyFilter() {
        String namespace = context.namespace().get();
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(p -> (namespace == null || namespace.isEmpty() || p.namespace().equals(namespace))
                && (text.isEmpty() || matches(p, text)));
        updateCount();
    }

    private static boolean matches(PodRow p, String text) {
        return p.name().toLowerCase(Locale.ROOT).contains(text) || p.namespace().toLowerCase(Locale.ROOT).contains(text)
                || p.status().toLowerCase(Locale.ROOT).contains(text) || p.node().toLowerCase(Locale.ROOT).contains(text);
    }

    private void updateCount() {
        int shown = filtered.size();
        int total = source.size();
        count.setText(shown == total ? total + " pods" : shown + " of " + total + " pods");
    }

    private void openSelected() {
        PodRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            context.ui().showDetail(new ActionTarget(context.activeCluster().get(), PodKind.GVK, row.namespace(), row.name()));
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        table.requestFocus();
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public void dispose() {
        if (live != null) {
            live.close();
        }
    }
}
