package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.StatePane;
import dev.pilothouse.sdk.ui.kit.table.SortedRows;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A live list of ML objects across clusters and namespaces: one table over several kinds (Argo and Tekton runs,
 * KServe and Seldon models...), filtered by cluster, health, namespace and free text, sortable, with the choices
 * remembered. Above the table it says, in words, which products are not installed where and which clusters are
 * stale or refused. Enter or a double click opens a row; the opened page replaces the list until Escape or Back.
 *
 * @param <R> the row type shared by the kinds
 */
public final class FleetListView<R extends Row> implements View {

    public static final String ALL_CLUSTERS = "All clusters";

    private final ViewContext context;
    private final String viewId;
    private final String noun;
    private final FleetRows<R> fleet;
    private final SortedRows<Located<R>> shown;
    private final TableView<Located<R>> table;
    private final List<Column<Located<R>>> columns;
    private final TextField search = new TextField();
    private final ComboBox<String> clusterScope = new ComboBox<>();
    private final ComboBox<HealthFilter> healthFilter = new ComboBox<>();
    private final Label count = new Label();
    private final Label missing = new Label();
    private final Label problems = new Label();
    /** Holds the table, or what a view shows instead of it (the agents graph). */
    private final StackPane tableHolder = new StackPane();
    private final StatePane state;
    private final HBox header;
    private final BorderPane listPage = new BorderPane();
    private final StackPane root = new StackPane();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private Consumer<Located<R>> onOpen;
    private Node openPage;
    private Runnable onRowsChanged = () -> { };
    private final List<Source<R>> sources;
    /** An object to open once the rows holding it arrive (from the palette or the command line). */
    private ActionTarget pendingReveal;

    /**
     * @param viewId      the view's id: node ids and remembered settings start with it
     * @param title       the heading
     * @param noun        what a row is, plural ("pipelines")
     * @param sources     the watches, in every cluster shown
     * @param columns     the table's columns (see {@link LocatedColumns})
     * @param defaultSort the column sorted by at first
     */
    public FleetListView(ViewContext context, String viewId, String title, String noun, List<Source<R>> sources,
                         List<Column<Located<R>>> columns, String defaultSort) {
        this.context = context;
        this.viewId = viewId;
        this.noun = noun;
        this.columns = List.copyOf(columns);
        this.sources = List.copyOf(sources);
        this.fleet = new FleetRows<>(context, sources);
        this.shown = new SortedRows<>(fleet.rows());
        this.onOpen = l -> context.ui().showDetail(l.target());
        table = ResourceTable.create(shown, this.columns);
        table.setId(viewId + "-table");
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        ResourceTable.rememberSort(table, context.settings(), viewId, defaultSort);
        tableHolder.getChildren().add(table);
        state = new StatePane(tableHolder);

        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setId(viewId + "-count");
        count.setMinWidth(Region.USE_PREF_SIZE);

        clusterScope.setId(viewId + "-clusters");
        List<String> scopes = new ArrayList<>();
        scopes.add(ALL_CLUSTERS);
        context.clusters().clusters().stream().map(ClusterInfo::name).forEach(scopes::add);
        clusterScope.setItems(FXCollections.observableArrayList(scopes));
        String remembered = context.settings().get(viewId + ".clusters", ALL_CLUSTERS);
        clusterScope.setValue(scopes.contains(remembered) ? remembered : ALL_CLUSTERS);
        clusterScope.valueProperty().addListener((o, a, b) -> {
            context.settings().put(viewId + ".clusters", b == null ? ALL_CLUSTERS : b);
            subscribe();
        });

        clusterScope.setMinWidth(Region.USE_PREF_SIZE);
        healthFilter.setMinWidth(Region.USE_PREF_SIZE);
        healthFilter.setId(viewId + "-health");
        healthFilter.setItems(FXCollections.observableArrayList(HealthFilter.values()));
        healthFilter.setValue(savedHealthFilter());
        healthFilter.valueProperty().addListener((o, a, b) -> {
            context.settings().put(viewId + ".health", b == null ? HealthFilter.ALL.name() : b.name());
            applyFilter();
        });

        search.setId(viewId + "-search");
        search.setPromptText("Filter " + noun + "   (/)");
        search.setPrefWidth(260);
        search.setMinWidth(90);
        search.setText(context.settings().get(viewId + ".filter", ""));
        search.textProperty().addListener((o, a, b) -> {
            applyFilter();
            context.settings().put(viewId + ".filter", b);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(12, heading, count, spacer, clusterScope, healthFilter, search);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.VIEW_HEADER);

        missing.setId(viewId + "-missing");
        missing.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.MUTED));
        problems.setId(viewId + "-problems");
        problems.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.WARNING));
        for (Label l : List.of(missing, problems)) {
            l.setMaxWidth(Double.MAX_VALUE);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            setText(l, "");
        }
        VBox top = new VBox(8, header, problems, missing);
        top.setPadding(new Insets(16, 16, 8, 16));
        listPage.setTop(top);
        listPage.setCenter(state);
        BorderPane.setMargin(state, new Insets(0, 16, 16, 16));
        listPage.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SLASH && !search.isFocused()) {
                search.requestFocus();
                e.consume();
            }
        });
        root.getChildren().add(listPage);
        root.setId(viewId + "-view");
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && openPage != null) {
                closePage();
                e.consume();
            }
        });

        fleet.setOnChange(this::showStatus);
        fleet.setFallbackNamespace(() -> context.namespace().get());
        context.namespace().addListener((o, a, b) -> {
            applyFilter();
            if (fleet.narrowed() || fleet.coverage(noun).problems().stream().anyMatch(p -> p.startsWith("Not allowed"))) {
                subscribe(); // a watch narrowed to the old namespace, or refused for all, may do better now
            }
        });
        applyFilter();
        subscribe();
    }

    /** What Enter or a double click on a row does; by default the shell's detail pane. */
    public void setOnOpen(Consumer<Located<R>> onOpen) {
        this.onOpen = onOpen;
    }

    /** Shows a page (a run, a model) in place of the list, until Escape or {@link #closePage()}. */
    public void openPage(Node page) {
        closePage();
        openPage = page;
        root.getChildren().add(page);
        listPage.setVisible(false);
        page.requestFocus();
    }

    /**
     * Opens one object as Enter on its row would, once its row has arrived; when the rows are all in and it is not
     * among them (filtered out at the source, or gone), the shell's detail pane shows it instead.
     *
     * @return false when no source of this list shows the object's kind
     */
    public boolean reveal(ActionTarget target) {
        if (sources.stream().noneMatch(s -> s.kind().gvk().sameGroupKind(target.gvk()))) {
            return false;
        }
        if (!clustersInScope().contains(target.cluster())) {
            clusterScope.setValue(ALL_CLUSTERS);
        }
        pendingReveal = target;
        tryReveal(!fleet.coverage(noun).settled());
        return true;
    }

    private void tryReveal(boolean stillLoading) {
        ActionTarget target = pendingReveal;
        if (target == null) {
            return;
        }
        if (root.getScene() == null) {
            // The user went to another view while a slow cluster listed: do not pop the object up over it.
            pendingReveal = null;
            return;
        }
        for (Located<R> row : fleet.rows()) {
            if (row.cluster().equals(target.cluster()) && row.kind().gvk().sameGroupKind(target.gvk())
                    && row.namespace().equals(target.namespace()) && row.name().equals(target.name())) {
                pendingReveal = null;
                table.getSelectionModel().select(row);
                onOpen.accept(row);
                return;
            }
        }
        if (!stillLoading) {
            pendingReveal = null;
            context.ui().showDetail(target);
        }
    }

    /** Back to the list, with the selection where it was. */
    public void closePage() {
        if (openPage == null) {
            return;
        }
        if (openPage.getProperties().get("dispose") instanceof Runnable dispose) {
            dispose.run();
        }
        root.getChildren().remove(openPage);
        openPage = null;
        listPage.setVisible(true);
        table.requestFocus();
    }

    /** Whether a page is open instead of the list. */
    public boolean pageOpen() {
        return openPage != null;
    }

    /** Shows a line under the table, such as where the figures in some columns come from. */
    public void setFooter(Node footer) {
        BorderPane.setMargin(footer, new Insets(0, 16, 10, 16));
        listPage.setBottom(footer);
    }

    /** Adds a control to the header, after the filters. */
    public void addToHeader(Node control) {
        header.getChildren().add(control);
    }

    /** The table, for views that add to it. */
    public TableView<Located<R>> table() {
        return table;
    }

    /** The rows as shown (filtered and sorted). */
    public List<Located<R>> shownRows() {
        return shown;
    }

    /** Whether the kind's rows of a cluster are all known (its watch listed). */
    public boolean listed(String cluster, dev.pilothouse.sdk.kube.GroupVersionKind gvk) {
        return fleet.listed(cluster, gvk);
    }

    /** Every row of the clusters in scope, unfiltered. */
    public List<Located<R>> allRows() {
        return fleet.rows();
    }

    /** Places {@code node} where the table was (null: the table again), under the same header and states. */
    public void showInsteadOfTable(Node node) {
        tableHolder.getChildren().setAll(node == null ? table : node);
    }

    /** The clusters the list shows now. */
    public List<String> clustersInScope() {
        String scope = clusterScope.getValue();
        if (scope == null || ALL_CLUSTERS.equals(scope)) {
            return context.clusters().clusters().stream().map(ClusterInfo::name).toList();
        }
        return List.of(scope);
    }

    /** Called whenever rows or watch states change; for views that derive something from the rows. */
    public void setOnRowsChanged(Runnable onRowsChanged) {
        this.onRowsChanged = onRowsChanged;
    }

    /**
     * Sorts, filters and redraws the rows again, for columns whose values change without a row change (serving
     * figures): the table otherwise keeps the order of the last row change.
     */
    public void refilter() {
        shown.resort();
        updateCount();
        table.refresh();
    }

    private HealthFilter savedHealthFilter() {
        try {
            return HealthFilter.valueOf(context.settings().get(viewId + ".health", HealthFilter.ALL.name()));
        } catch (IllegalArgumentException e) {
            return HealthFilter.ALL;
        }
    }

    private void subscribe() {
        ready.set(false);
        List<String> clusters = clustersInScope();
        if (clusters.isEmpty()) {
            fleet.close();
            state.showEmpty("No cluster configured", "Add a context to your kubeconfig, or start with --demo.");
            ready.set(true);
            return;
        }
        state.showLoading("Loading " + noun + "…");
        fleet.show(clusters);
    }

    private void showStatus() {
        Coverage coverage = fleet.coverage(noun);
        if (coverage.loading()) {
            state.showLoading("Loading " + noun + " of " + String.join(", ", clustersInScope()) + "…");
        } else if (coverage.failed()) {
            state.showError("Could not load " + noun, String.join("\n", coverage.problems()), () -> {
                clustersInScope().forEach(c -> context.clusters().reconnect(c));
                subscribe();
            });
        } else if (coverage.usable() == 0) {
            List<String> why = new ArrayList<>(coverage.missing());
            why.addAll(coverage.problems());
            state.showEmpty("No " + noun + " to show", String.join("\n", why));
        } else {
            state.showContent();
        }
        setText(missing, coverage.usable() == 0 ? "" : String.join("\n", coverage.missing()));
        setText(problems, coverage.usable() == 0 ? "" : String.join("\n", coverage.problems()));
        ready.set(!coverage.loading());
        updateCount();
        onRowsChanged.run();
        tryReveal(!coverage.settled());
    }

    private static void setText(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    private void applyFilter() {
        String namespace = context.namespace().get();
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        HealthFilter health = healthFilter.getValue() == null ? HealthFilter.ALL : healthFilter.getValue();
        boolean allNamespaces = namespace == null || namespace.isEmpty();
        if (allNamespaces && text.isEmpty() && health == HealthFilter.ALL) {
            shown.setPredicate(null);
        } else {
            shown.setPredicate(l -> (allNamespaces || l.namespace().isEmpty() || l.namespace().equals(namespace))
                    && health.accepts(l.health().state()) && (text.isEmpty() || matches(l, text)));
        }
        updateCount();
    }

    private boolean matches(Located<R> row, String text) {
        if (row.name().toLowerCase(Locale.ROOT).contains(text)) {
            return true;
        }
        for (Column<Located<R>> c : columns) {
            if (c.text(row).toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private void updateCount() {
        int visible = shown.size();
        int total = fleet.rows().size();
        count.setText(visible == total ? total + " " + noun : visible + " of " + total + " " + noun);
        String empty = total == 0 ? "There are no " + noun + " in " + String.join(", ", clustersInScope()) + "."
                : "No " + noun + " match the filters.";
        if (!(table.getPlaceholder() instanceof Label placeholder) || !empty.equals(placeholder.getText())) {
            table.setPlaceholder(new Label(empty));
        }
    }



    private void openSelected() {
        Located<R> row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            onOpen.accept(row);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        if (openPage == null) {
            table.requestFocus();
        }
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public void dispose() {
        closePage();
        fleet.close();
    }
}
