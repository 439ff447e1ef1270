package dev.pilothouse.plugins.clusters.table;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.StatePane;
import dev.pilothouse.sdk.ui.kit.table.BatchList;
import dev.pilothouse.sdk.ui.kit.table.SortedRows;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A live table of one or more kinds of the active cluster (workloads merge five kinds into one table): filtered by
 * the shell's namespace and by free text over every column, sortable on every column, with the filter text and the
 * sort remembered per view. Loading, stale, forbidden, not-installed and failed states are shown in words.
 *
 * @param <R> the row type shared by the kinds
 */
public class KindTableView<R extends Row> implements View {

    private final ViewContext context;
    private final String viewId;
    private final String noun;
    private final List<ResourceKind<R>> kinds;
    private final BatchList<R> source = new BatchList<>();
    /** The rows shown: filtered and sorted incrementally, so a frame of watch events costs one pass, not a sort. */
    private final SortedRows<R> shown = new SortedRows<>(source);
    private final ConcatenatedRows<R> concatenated = new ConcatenatedRows<>(source, this::updateCount);
    private final TextField search = new TextField();
    private final TextField selector = new TextField();
    private final Label count = new Label();
    private final Label banner = new Label();
    private final TableView<R> table;
    /** What the state pane shows when there is data: the table, or a subclass's other view of the same rows. */
    private final StackPane content;
    private final HBox header;
    private final StatePane state;
    private final BorderPane root = new BorderPane();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final List<LiveRows<R>> live = new ArrayList<>();

    /**
     * @param viewId   the view's id, also the key of its remembered filter and sort
     * @param title    the heading
     * @param noun     what a row is, plural ("pods")
     * @param kinds    the kinds shown; their rows share one type and the first kind's columns
     * @param defaultSort column id sorted by at first
     */
    public KindTableView(ViewContext context, String viewId, String title, String noun, List<ResourceKind<R>> kinds,
                         String defaultSort) {
        this.context = context;
        this.viewId = viewId;
        this.noun = noun;
        this.kinds = List.copyOf(kinds);
        table = ResourceTable.create(shown, kinds.getFirst().columns());
        table.setId(viewId + "-table");
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
        ResourceTable.rememberSort(table, context.settings(), viewId, defaultSort);
        content = new StackPane(table);
        state = new StatePane(content);

        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setId(viewId + "-count");
        search.setId(viewId + "-search");
        search.setPromptText("Filter " + noun + "   (/)");
        search.setPrefWidth(300);
        search.setText(context.settings().get(viewId + ".filter", ""));
        search.textProperty().addListener((o, a, b) -> {
            applyFilter();
            context.settings().put(viewId + ".filter", b);
        });
        selector.setId(viewId + "-selector");
        selector.setPromptText("Label selector, e.g. app=vllm,tier!=canary");
        selector.setPrefWidth(260);
        selector.setText(context.settings().get(viewId + ".selector", ""));
        // Applied on Enter: the selector goes to the server, so it is not re-sent on every keystroke.
        selector.setOnAction(e -> {
            context.settings().put(viewId + ".selector", selector.getText().strip());
            subscribe();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The title never shrinks; the filter fields give way when the detail pane takes room.
        heading.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        selector.setMinWidth(90);
        search.setMinWidth(90);
        header = new HBox(12, heading, count, spacer, selector, search);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        banner.setId(viewId + "-banner");
        banner.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.WARNING));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        showBanner("");
        VBox top = new VBox(8, header, banner);
        top.setPadding(new Insets(16, 16, 8, 16));
        root.setTop(top);
        root.setCenter(state);
        BorderPane.setMargin(state, new Insets(0, 16, 16, 16));
        root.setId(viewId + "-view");
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

    /** The table, for subclasses that add to the view. */
    protected TableView<R> table() {
        return table;
    }

    /** The table, for views composed of several tables. */
    public TableView<R> tableView() {
        return table;
    }

    /** The rows as shown: filtered by namespace and text, sorted as the table is. */
    protected ObservableList<R> shownRows() {
        return shown;
    }

    /** Shows {@code node} in place of the table (null: the table again), under the same header and states. */
    protected void showInsteadOfTable(Node node) {
        content.getChildren().setAll(node == null ? table : node);
    }

    /** Adds a control at the end of the header, after the filter fields. */
    protected void addToHeader(Node control) {
        header.getChildren().add(control);
    }

    /** The view's context, for subclasses. */
    protected ViewContext context() {
        return context;
    }

    /** The root pane, for subclasses that add a side panel. */
    protected BorderPane root() {
        return root;
    }

    private void subscribe() {
        concatenated.clear();
        live.forEach(LiveRows::close);
        live.clear();
        ready.set(false);
        String cluster = context.activeCluster().get();
        if (cluster == null || cluster.isEmpty()) {
            state.showEmpty("No cluster selected", "Choose a context in the toolbar.");
            ready.set(true);
            return;
        }
        state.showLoading("Loading " + noun + " of " + cluster + "…");
        for (ResourceKind<R> kind : kinds) {
            LiveRows<R> rows = context.liveRows(cluster, kind, new WatchScope("", selector.getText().strip()));
            live.add(rows);
            concatenated.add(rows.rows(), kind);
            rows.status().addListener((o, a, b) -> showStatus());
        }
        updateCount();
        showStatus();
    }

    private void showStatus() {
        List<WatchStatus> statuses = live.stream().map(l -> l.status().get()).toList();
        boolean loading = statuses.stream().anyMatch(s -> s.state() == WatchState.LOADING);
        List<String> problems = new ArrayList<>();
        boolean stale = false;
        Instant lastSync = null;
        int usable = 0;
        for (int i = 0; i < statuses.size(); i++) {
            WatchStatus s = statuses.get(i);
            switch (s.state()) {
                case SYNCED -> usable++;
                case STALE -> {
                    usable++;
                    stale = true;
                    lastSync = s.lastSync();
                }
                case FORBIDDEN, NOT_INSTALLED, FAILED -> problems.add(s.message());
                case LOADING -> { }
            }
        }
        String cluster = context.activeCluster().get();
        if (loading && usable == 0) {
            state.showLoading("Loading " + noun + " of " + cluster + "…");
        } else if (usable == 0 && !problems.isEmpty()) {
            boolean allFailed = statuses.stream().allMatch(s -> s.state() == WatchState.FAILED);
            if (allFailed) {
                state.showError("Could not load " + noun + " from " + cluster, String.join("\n", problems), () -> {
                    context.clusters().reconnect(cluster);
                    subscribe();
                });
            } else {
                state.showEmpty("No " + noun + " to show", String.join("\n", problems));
            }
        } else {
            state.showContent();
        }
        List<String> lines = new ArrayList<>();
        if (stale) {
            // An absolute time stays true while the banner is up; "n seconds ago" would freeze and lie.
            lines.add("Connection to " + cluster + " lost. Showing " + noun + " as of "
                    + (lastSync == null ? "the last sync" : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                    .withZone(java.time.ZoneId.systemDefault()).format(lastSync)) + "; reconnecting…");
        }
        if (usable > 0) {
            lines.addAll(problems);
        }
        showBanner(String.join("\n", lines));
        ready.set(!loading || usable > 0 || !problems.isEmpty());
        updateCount();
    }

    private void showBanner(String text) {
        banner.setText(text);
        banner.setVisible(!text.isEmpty());
        banner.setManaged(!text.isEmpty());
    }

    private void applyFilter() {
        String namespace = context.namespace().get();
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        List<Column<R>> columns = kinds.getFirst().columns();
        boolean allNamespaces = namespace == null || namespace.isEmpty();
        // No predicate at all when nothing filters: the rows then skip the test on every change.
        shown.setPredicate(allNamespaces && text.isEmpty() ? null : r -> (allNamespaces || r.namespace().isEmpty()
                || r.namespace().equals(namespace)) && (text.isEmpty() || matches(r, columns, text)));
        updateCount();
    }

    private static <R extends Row> boolean matches(R row, List<Column<R>> columns, String text) {
        if (row.name().toLowerCase(Locale.ROOT).contains(text)) {
            return true;
        }
        for (Column<R> c : columns) {
            if (c.text(row).toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private void updateCount() {
        int visible = shown.size();
        int total = source.size();
        // Called on every row change: one placeholder label, its text changed only when it differs.
        Label placeholder;
        if (table.getPlaceholder() instanceof Label existing) {
            placeholder = existing;
        } else {
            placeholder = new Label();
            table.setPlaceholder(placeholder);
        }
        String empty = total == 0 ? "There are no " + noun + " in " + context.activeCluster().get() + "."
                : "No " + noun + " match the filter.";
        if (!empty.equals(placeholder.getText())) {
            placeholder.setText(empty);
        }
        count.setText(visible == total ? total + " " + noun : visible + " of " + total + " " + noun);
    }



    /** Opens the detail pane for the selected row. */
    protected void openSelected() {
        R row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        ResourceKind<R> kind = concatenated.kindOf(row, kinds.getFirst());
        context.ui().showDetail(new ActionTarget(context.activeCluster().get(), kind.gvk(), row.namespace(), row.name()));
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
        concatenated.clear();
        live.forEach(LiveRows::close);
        live.clear();
    }
}
