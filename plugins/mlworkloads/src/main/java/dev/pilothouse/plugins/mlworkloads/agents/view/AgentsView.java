package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.agents.AgentKinds;
import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.agents.KagentResources;
import dev.pilothouse.plugins.mlworkloads.agents.ToolHiveServers;
import dev.pilothouse.plugins.mlworkloads.fleet.FleetListView;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.plugins.mlworkloads.fleet.LocatedColumns;
import dev.pilothouse.plugins.mlworkloads.fleet.Product;
import dev.pilothouse.plugins.mlworkloads.fleet.Source;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The {@code agents} view: kagent Agents, MCPServers and RemoteMCPServers and ToolHive MCPServers across clusters in
 * one list, with their readiness, endpoint, transport, tools and whether authentication is configured. "Graph"
 * (Alt+G, remembered) shows instead which agents use which tool servers, broken references in red. Enter on a row or
 * a box opens the object's page: conditions, tools, users, and the pods it runs as.
 */
public final class AgentsView implements View {

    public static final String VIEW_ID = "agents";
    public static final Product KAGENT = Product.of("kagent", KagentResources.AGENT, KagentResources.MCP_SERVER,
            KagentResources.REMOTE_MCP_SERVER);
    public static final Product TOOLHIVE = Product.of("ToolHive", ToolHiveServers.MCP_SERVER);
    static final String GRAPH_SETTING = VIEW_ID + ".graph";
    /**
     * Handled by the view rather than as the button's mnemonic: a mnemonic on a toggle button only fires its action,
     * without toggling it.
     */
    private static final KeyCombination GRAPH_KEY = new KeyCodeCombination(KeyCode.G, KeyCombination.ALT_DOWN);

    private final ViewContext context;
    private final FleetListView<AgentRow> list;
    private final ToggleButton graphToggle = new ToggleButton("Graph");
    private final AgentGraphPane graph;

    public AgentsView(ViewContext context) {
        this.context = context;
        List<ResourceKind<AgentRow>> kinds = AgentKinds.all();
        list = new FleetListView<>(context, VIEW_ID, "Agents and MCP servers", "agents and servers", sources(kinds),
                LocatedColumns.of(kinds.getFirst().columns()), "status");
        list.setOnOpen(this::open);
        graph = new AgentGraphPane(context.clusters(), list, this::open);
        // The list's state messages (loading, nothing to show) hide its table; the graph in its place follows suit.
        graph.visibleProperty().bind(list.table().visibleProperty());

        graphToggle.setId("agents-graph-toggle");
        graphToggle.setMnemonicParsing(false);
        graphToggle.setMinWidth(Region.USE_PREF_SIZE);
        graphToggle.setTooltip(new Tooltip("Which agents use which tool servers (Alt+G)"));
        graphToggle.setSelected(context.settings().getBoolean(GRAPH_SETTING, false));
        graphToggle.selectedProperty().addListener((o, was, on) -> {
            context.settings().put(GRAPH_SETTING, String.valueOf(on));
            showGraph(on);
        });
        list.addToHeader(graphToggle);
        list.node().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (GRAPH_KEY.match(e) && !list.pageOpen()) {
                graphToggle.setSelected(!graphToggle.isSelected());
                e.consume();
            }
        });
        list.setOnRowsChanged(graph::rowsChanged);
        showGraph(graphToggle.isSelected());
    }

    /** One watch per kind, each under the product that defines it. */
    static List<Source<AgentRow>> sources(List<ResourceKind<AgentRow>> kinds) {
        return kinds.stream().map(kind -> new Source<>(kind, WatchScope.ALL,
                kind.gvk().group().equals(ToolHiveServers.MCP_SERVER.group()) ? TOOLHIVE : KAGENT,
                (AgentRow r) -> true)).toList();
    }

    private void showGraph(boolean on) {
        if (on) {
            list.showInsteadOfTable(graph);
            graph.show();
            if (graph.getScene() != null && !list.pageOpen()) {
                graph.dag().requestFocus();
            }
        } else {
            graph.hide();
            list.showInsteadOfTable(null);
            if (list.table().getScene() != null && !list.pageOpen()) {
                list.table().requestFocus();
            }
        }
    }

    private void open(Located<AgentRow> row) {
        list.openPage(new AgentPage(context, row, () -> AgentIndex.of(list.allRows(), list::listed), list::closePage));
    }

    private void open(GraphTarget target) {
        switch (target) {
            case GraphTarget.Listed listed -> open(listed.row());
            case GraphTarget.Missing missing -> context.ui().notify(missing.explanation());
            case GraphTarget.Unchecked unchecked -> context.ui().showDetail(unchecked.target());
        }
    }

    /** The list, for tests. */
    public FleetListView<AgentRow> list() {
        return list;
    }

    @Override
    public Node node() {
        return list.node();
    }

    @Override
    public void activate() {
        if (graphToggle.isSelected() && !list.pageOpen()) {
            graph.dag().requestFocus();
        } else {
            list.activate();
        }
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return list.ready();
    }

    @Override
    public boolean reveal(ActionTarget target) {
        return list.reveal(target);
    }

    @Override
    public void dispose() {
        graph.hide();
        list.dispose();
    }
}
