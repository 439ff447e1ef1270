package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.desktop.fx.FxBatcher;
import dev.pilothouse.desktop.fx.FxLiveRows;
import dev.pilothouse.desktop.theme.ThemeManager;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.command.CommandContext;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.core.action.ActionRunner;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionResult;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.metrics.MetricsService;
import java.util.concurrent.CompletableFuture;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.StatusBarItem;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ThemeContribution;
import dev.pilothouse.sdk.ui.UiServices;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.ViewContribution;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The main window's content: toolbar (context switcher, namespace filter, palette, read-only and theme toggles),
 * sidebar, view host, detail pane, status bar, and the command palette overlay. Every part is built from plugin
 * contributions; the window itself knows no feature.
 */
public final class MainWindow extends StackPane {

    private final PluginHost plugins;
    private final ClusterService clusters;
    private final ShellState state;
    private final ThemeManager themes;
    private final Settings appSettings;
    private final Function<String, Settings> pluginSettings;
    private final FxBatcher batcher = new FxBatcher();
    private final Set<FxLiveRows<?>> openRows = ShellViewContext.newOpenRowsRegistry();
    private final Map<String, ViewContext> contexts = new ConcurrentHashMap<>();
    private final UiServices ui;
    private final MetricsService metrics;
    private final AlertService alerts;
    private final ActionRunner actions;
    private final ConfirmSheet confirmSheet = new ConfirmSheet();
    private final Sidebar sidebar;
    private final ViewHost viewHost;
    private final DetailPane detail;
    private final SplitPane split;
    private final StatusBar statusBar;
    private final CommandPalette palette;
    private final ComboBox<String> contextBox = new ComboBox<>();
    private final ComboBox<String> namespaceBox = new ComboBox<>();
    private final VBox problemsBanner = new VBox(4);
    private LiveRows<Namespaces.NamespaceRow> namespaceRows;
    private final Runnable showAbout;

    public MainWindow(PluginHost plugins, Backends backends, ShellState state,
                      ThemeManager themes, Settings appSettings, Function<String, Settings> pluginSettings,
                      Runnable showAbout) {
        this.plugins = plugins;
        this.clusters = backends.clusters();
        this.metrics = backends.metrics();
        this.alerts = backends.alerts();
        this.actions = backends.actions();
        this.state = state;
        this.themes = themes;
        this.appSettings = appSettings;
        this.pluginSettings = pluginSettings;
        this.showAbout = showAbout;
        setId("main-window");
        this.ui = new ShellUi();
        this.viewHost = new ViewHost(plugins, this::contextFor);
        this.sidebar = new Sidebar(plugins.registry().views(), this::navigate);
        this.detail = new DetailPane(plugins, this::contextFor, this::closeDetail);
        this.split = new SplitPane(viewHost);
        split.setOrientation(Orientation.HORIZONTAL);
        this.statusBar = new StatusBar(state, clusters, statusItems(false), statusItems(true));
        this.palette = new CommandPalette(this::paletteEntries);
        palette.setOnClose(() -> viewHost.requestFocus());

        BorderPane layout = new BorderPane();
        layout.setTop(new VBox(toolbar(), problemsBanner));
        layout.setLeft(sidebar);
        layout.setCenter(split);
        layout.setBottom(statusBar);
        getChildren().addAll(layout, palette, confirmSheet);
        buildProblemsBanner();
        state.activeCluster().addListener((o, a, b) -> onClusterChanged(b));
        onClusterChanged(state.activeCluster().get());
    }

    // ---- toolbar -------------------------------------------------------------------------------------------

    private HBox toolbar() {
        Label brand = new Label("Pilothouse");
        brand.getStyleClass().add("ph-brand");
        contextBox.setId("context-switcher");
        contextBox.setTooltip(new Tooltip("Kubeconfig context (Ctrl+Shift+C)"));
        contextBox.setItems(FXCollections.observableArrayList(clusters.clusters().stream().map(ClusterInfo::name).toList()));
        contextBox.setPromptText("No context");
        contextBox.setPrefWidth(180);
        contextBox.getSelectionModel().select(state.activeCluster().get());
        contextBox.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(state.activeCluster().get())) {
                state.activeCluster().set(b);
            }
        });
        state.activeCluster().addListener((o, a, b) -> contextBox.getSelectionModel().select(b));

        namespaceBox.setId("namespace-filter");
        namespaceBox.setTooltip(new Tooltip("Namespace filter (Ctrl+Shift+N)"));
        namespaceBox.setPrefWidth(190);
        namespaceBox.setValue(label(state.namespace().get()));
        namespaceBox.valueProperty().addListener((o, a, b) -> {
            String ns = b == null || b.equals(ALL_NAMESPACES) ? "" : b;
            if (!ns.equals(state.namespace().get())) {
                state.namespace().set(ns);
            }
        });

        Button search = new Button("Search or jump to…   Ctrl+K");
        search.setId("open-palette");
        search.getStyleClass().add("ph-search-button");
        search.setOnAction(e -> palette.open());
        search.setMinWidth(240);

        ToggleButton readOnly = new ToggleButton("Read-only");
        readOnly.setId("toggle-read-only");
        readOnly.selectedProperty().bindBidirectional(state.readOnly());
        readOnly.setTooltip(new Tooltip("Refuse every change to clusters and alerting (Ctrl+Shift+R)"));

        Button theme = new Button();
        theme.setId("toggle-theme");
        theme.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> themes.current().get() != null && themes.current().get().dark() ? "☀ Light" : "☾ Dark",
                themes.current()));
        theme.setTooltip(new Tooltip("Switch light/dark theme (Ctrl+Shift+L)"));
        theme.setOnAction(e -> themes.toggleDark());

        MenuButton menu = new MenuButton("☰");
        menu.setId("main-menu");
        MenuItem settings = new MenuItem("Settings");
        settings.setOnAction(e -> navigate("settings"));
        MenuItem pluginsItem = new MenuItem("Plugins");
        pluginsItem.setOnAction(e -> navigate("plugins"));
        MenuItem about = new MenuItem("About Pilothouse");
        about.setId("menu-about");
        about.setOnAction(e -> showAbout.run());
        menu.getItems().addAll(settings, pluginsItem, about);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(brand);
        if (state.demo()) {
            Label demo = new Label("DEMO");
            demo.setId("toolbar-demo");
            demo.getStyleClass().addAll(Styles.BADGE, "ph-badge-demo");
            bar.getChildren().add(demo);
        }
        bar.getChildren().addAll(new Label("Context"), contextBox, new Label("Namespace"), namespaceBox, spacer, search,
                readOnly, theme, menu);
        bar.getStyleClass().add("ph-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static final String ALL_NAMESPACES = "All namespaces";

    private static String label(String namespace) {
        return namespace == null || namespace.isEmpty() ? ALL_NAMESPACES : namespace;
    }

    private void onClusterChanged(String cluster) {
        if (namespaceRows != null) {
            namespaceRows.close();
            namespaceRows = null;
        }
        namespaceBox.setItems(FXCollections.observableArrayList(ALL_NAMESPACES));
        if (cluster == null || cluster.isEmpty()) {
            return;
        }
        appSettings.put("context", cluster);
        namespaceRows = contextFor("shell").liveRows(cluster, Namespaces.KIND, WatchScope.ALL);
        namespaceRows.rows().addListener((ListChangeListener<Namespaces.NamespaceRow>) c -> {
            List<String> names = new ArrayList<>();
            names.add(ALL_NAMESPACES);
            namespaceRows.rows().stream().map(Namespaces.NamespaceRow::name).sorted().forEach(names::add);
            String selected = namespaceBox.getValue();
            namespaceBox.getItems().setAll(names);
            namespaceBox.setValue(selected);
        });
    }

    private void buildProblemsBanner() {
        problemsBanner.setId("problems-banner");
        Runnable refresh = () -> {
            problemsBanner.getChildren().clear();
            for (String p : state.problems()) {
                Label l = new Label(p);
                l.getStyleClass().addAll(Styles.BANNER, Styles.tone(dev.pilothouse.sdk.kube.CellTone.DANGER));
                l.setMaxWidth(Double.MAX_VALUE);
                problemsBanner.getChildren().add(l);
            }
            if (!state.problems().isEmpty()) {
                Button dismiss = new Button("Dismiss");
                dismiss.getStyleClass().add(Styles.FLAT);
                dismiss.setOnAction(e -> state.problems().clear());
                problemsBanner.getChildren().add(dismiss);
            }
            problemsBanner.setStyle(state.problems().isEmpty() ? "" : "-fx-padding: 8 12 8 12;");
        };
        state.problems().addListener((ListChangeListener<String>) c -> refresh.run());
        refresh.run();
    }

    private List<Node> statusItems(boolean right) {
        List<Node> nodes = new ArrayList<>();
        plugins.registry().statusBarItems().stream()
                .filter(r -> r.contribution().right() == right)
                .sorted(Comparator.comparingInt(r -> r.contribution().order()))
                .forEach(r -> {
                    StatusBarItem item = r.contribution();
                    Node node = plugins.guard(r.pluginId(), "building status bar item " + item.id(),
                            () -> item.factory().apply(contextFor(r.pluginId())), null);
                    if (node != null) {
                        nodes.add(node);
                    }
                });
        return nodes;
    }

    // ---- navigation ----------------------------------------------------------------------------------------

    /** Opens a view; unknown ids are reported in the status bar. */
    public void navigate(String viewId) {
        if (viewHost.show(viewId)) {
            state.currentView().set(viewId);
            sidebar.select(viewId);
            appSettings.put("view", viewId);
        } else {
            statusBar.notify("No view '" + viewId + "'");
        }
    }

    /** The view shown now. */
    public java.util.Optional<View> currentView() {
        return viewHost.current();
    }

    /** Sources of changes waiting for the next FX pulse (the diagnostics' FX queue depth); any thread. */
    public int pendingFlushes() {
        return batcher.pendingFlushes();
    }

    /** Whether the current view reports that its data has synced. */
    public ReadOnlyBooleanProperty currentViewReady() {
        return viewHost.current().map(View::ready).orElse(new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), palette::open);
        accelerators.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), palette::open);
        accelerators.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), themes::toggleDark);
        accelerators.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> state.readOnly().set(!state.readOnly().get()));
        accelerators.put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            contextBox.requestFocus();
            contextBox.show();
        });
        accelerators.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            namespaceBox.requestFocus();
            namespaceBox.show();
        });
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.ALT_DOWN), sidebar::focusList);
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.ALT_DOWN), () -> viewHost.current()
                .ifPresent(v -> v.node().requestFocus()));
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !palette.isOpen() && split.getItems().contains(detail)) {
                closeDetail();
                e.consume();
            }
        });
        for (Registered<Command> r : plugins.registry().commands()) {
            String shortcut = r.contribution().shortcut();
            if (!shortcut.isEmpty()) {
                try {
                    accelerators.put(KeyCombination.valueOf(shortcut), () -> runCommand(r));
                } catch (IllegalArgumentException e) {
                    plugins.markFailed(r.pluginId(), "registering shortcut '" + shortcut + "'", e);
                }
            }
        }
    }

    /**
     * Opens an object named as on the command line ({@code pod/ml-serving/llama-0#Logs}) in the detail pane.
     *
     * @return false, with a notification, when the kind is unknown
     */
    public boolean open(String spec) {
        String[] parts = spec.split("#", 2);
        String[] path = parts[0].split("/");
        var kind = plugins.registry().resourceKindNamed(path[0]);
        if (kind.isEmpty()) {
            statusBar.notify("Unknown kind '" + path[0] + "' in " + spec);
            return false;
        }
        String namespace = path.length >= 3 ? path[1] : "";
        String name = path[path.length - 1];
        ActionTarget target = new ActionTarget(state.activeCluster().get(), kind.get().gvk(), namespace, name);
        if (parts.length == 1 && revealInHomeView(kind.get(), target)) {
            return true;
        }
        ui.showDetail(target);
        if (parts.length == 2) {
            detail.selectTab(parts[1]);
        }
        return true;
    }

    /**
     * Opens the object in the view its kind calls home (a run in {@code pipelines}), when there is one and it can
     * show the object; false leaves it to the detail pane.
     */
    private boolean revealInHomeView(dev.pilothouse.sdk.kube.ResourceKind<?> kind, ActionTarget target) {
        String viewId = kind.homeView().orElse("");
        if (viewId.isEmpty() || plugins.registry().view(viewId).isEmpty()) {
            return false;
        }
        navigate(viewId);
        String pluginId = plugins.registry().view(viewId).get().pluginId();
        return viewHost.current().map(v -> plugins.guard(pluginId, "revealing " + target.display() + " in " + viewId,
                () -> v.reveal(target), false)).orElse(false);
    }

    /** Opens the palette (for tests and the menu). */
    public void openPalette() {
        palette.open();
    }

    // ---- contexts, palette, detail -------------------------------------------------------------------------

    ViewContext contextFor(String pluginId) {
        return contexts.computeIfAbsent(pluginId, id -> new ShellViewContext(clusters, metrics, alerts, state,
                plugins.registry(), pluginSettings.apply(id), ui, batcher, openRows));
    }

    private List<PaletteEntry> paletteEntries() {
        List<PaletteEntry> entries = new ArrayList<>();
        for (Registered<ViewContribution> r : plugins.registry().views()) {
            ViewContribution v = r.contribution();
            List<String> keywords = new ArrayList<>(v.keywords());
            keywords.add(v.id());
            entries.add(new PaletteEntry(v.title(), "View", keywords, () -> navigate(v.id())));
        }
        for (Registered<Command> r : plugins.registry().commands()) {
            Command c = r.contribution();
            entries.add(new PaletteEntry(c.title(), c.category().isEmpty() ? "Command" : c.category(), c.keywords(),
                    () -> runCommand(r)));
        }
        for (ClusterInfo c : clusters.clusters()) {
            entries.add(new PaletteEntry("Switch to context " + c.name(), "Context", List.of(c.server()),
                    () -> state.activeCluster().set(c.name())));
        }
        for (ThemeContribution t : themes.themes()) {
            entries.add(new PaletteEntry("Theme: " + t.name(), "Theme", List.of(t.id()), () -> themes.apply(t, true)));
        }
        entries.add(new PaletteEntry(state.readOnly().get() ? "Leave read-only mode" : "Enter read-only mode", "Command",
                List.of("readonly", "safe"), () -> state.readOnly().set(!state.readOnly().get())));
        entries.add(new PaletteEntry("About Pilothouse", "Help", List.of("version"), showAbout));
        addObjects(entries);
        return entries;
    }

    /** Objects shown by open views are searchable by name. */
    private void addObjects(List<PaletteEntry> entries) {
        Set<String> seen = new java.util.HashSet<>();
        for (FxLiveRows<?> live : List.copyOf(openRows)) {
            String kind = live.kind().displayName();
            if (live.kind() == Namespaces.KIND) {
                continue;
            }
            for (Row row : List.copyOf(live.rows())) {
                String key = live.cluster() + "/" + kind + "/" + row.namespace() + "/" + row.name();
                if (entries.size() > 20_000 || !seen.add(key)) {
                    continue;
                }
                String shown = row.namespace().isEmpty() ? row.name() : row.namespace() + "/" + row.name();
                ActionTarget target = new ActionTarget(live.cluster(), live.kind().gvk(), row.namespace(), row.name());
                var resourceKind = live.kind();
                entries.add(new PaletteEntry(shown, kind + " · " + live.cluster(), List.of(), () -> {
                    if (!revealInHomeView(resourceKind, target)) {
                        ui.showDetail(target);
                    }
                }));
            }
        }
    }

    private void runCommand(Registered<Command> r) {
        CommandContext ctx = new CommandContext() {
            @Override
            public void navigate(String viewId) {
                MainWindow.this.navigate(viewId);
            }

            @Override
            public void selectCluster(String name) {
                state.activeCluster().set(name);
            }

            @Override
            public void notify(String message) {
                statusBar.notify(message);
            }

            @Override
            public String activeCluster() {
                return state.activeCluster().get();
            }
        };
        plugins.run(r.pluginId(), "running command " + r.contribution().id(), () -> r.contribution().run().accept(ctx));
    }

    private void closeDetail() {
        split.getItems().remove(detail);
    }

    /** The shell's answers to views. */
    private final class ShellUi implements UiServices {
        @Override
        public void navigate(String viewId) {
            MainWindow.this.navigate(viewId);
        }

        @Override
        public void notify(String message) {
            statusBar.notify(message);
        }

        @Override
        public void showDetail(ActionTarget target) {
            if (!split.getItems().contains(detail)) {
                split.getItems().add(detail);
                split.setDividerPositions(0.6);
            }
            detail.show(target, contextFor("shell"));
        }

        @Override
        public CompletableFuture<ActionResult> runAction(Action action, ActionTarget target, Map<String, String> parameters) {
            return actions.run(action, target, parameters, confirmSheet);
        }
    }

    /** The services behind the window. */
    public record Backends(ClusterService clusters, MetricsService metrics, AlertService alerts, ActionRunner actions) {
    }

    /** Releases views and watches. */
    public void dispose() {
        viewHost.disposeAll();
        if (namespaceRows != null) {
            namespaceRows.close();
        }
    }
}
