package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.Failures;
import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.FleetListView;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.kit.graph.DagView;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The graph of the agents view: which agents use which tool servers, kept current with the list. Boxes follow the
 * rows at once; edges need the Agent objects, which are read when the graph is shown and again when agent rows
 * change. Reads never overlap: changes during a read cause one more read after it, however many there were.
 */
final class AgentGraphPane extends VBox {

    static final String HINT = "Arrows move between boxes, Enter opens one, 0 fits the graph, + and - zoom.";

    private final ClusterService clusters;
    private final FleetListView<AgentRow> list;
    private final DagView dag = new DagView();
    private final Label status = new Label();
    private final Set<Located<AgentRow>> agentRowsRead = Collections.newSetFromMap(new IdentityHashMap<>());
    private Map<String, List<KubeObject>> agents = Map.of();
    private Map<String, String> failures = Map.of();
    private AgentGraph graph = AgentGraph.of(AgentIndex.of(List.of()), Map.of());
    private boolean shown;
    private boolean reading;
    private boolean readAgain;
    private boolean readOnce;

    AgentGraphPane(ClusterService clusters, FleetListView<AgentRow> list, Consumer<GraphTarget> onOpen) {
        super(6);
        this.clusters = clusters;
        this.list = list;
        setId("agents-graph-pane");
        dag.setId("agents-graph");
        VBox.setVgrow(dag, Priority.ALWAYS);
        dag.setOnOpen(id -> {
            GraphTarget target = graph.targets().get(id);
            if (target != null) {
                onOpen.accept(target);
            }
        });
        status.setId("agents-graph-status");
        status.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.MUTED));
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label hint = new Label(HINT);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        getChildren().addAll(status, dag, hint);
        showStatus();
    }

    DagView dag() {
        return dag;
    }

    /** The graph is on screen: draw it and read the agents' references. */
    void show() {
        shown = true;
        rebuild();
        read();
    }

    /** The table is back: stop following changes. */
    void hide() {
        shown = false;
    }

    /** Rows or watch states changed: redraw, and read the agents again if agent rows changed. */
    void rowsChanged() {
        if (!shown) {
            return;
        }
        rebuild();
        if (agentRowsChanged()) {
            read();
        }
    }

    private List<Located<AgentRow>> agentRows() {
        return list.allRows().stream()
                .filter(r -> AgentIndex.kindOf(r).filter(k -> k == ToolServerKind.AGENT).isPresent()).toList();
    }

    private boolean agentRowsChanged() {
        List<Located<AgentRow>> now = agentRows();
        return now.size() != agentRowsRead.size() || !agentRowsRead.containsAll(now);
    }

    private void read() {
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        List<Located<AgentRow>> rows = agentRows();
        agentRowsRead.clear();
        agentRowsRead.addAll(rows);
        // Only clusters with agents: elsewhere kagent may not be installed, and there is nothing to draw from.
        List<String> withAgents = rows.stream().map(Located::cluster).distinct().toList();
        showStatus();
        AgentReader.read(clusters, withAgents).whenComplete((result, error) -> Platform.runLater(() -> {
            this.reading = false;
            readOnce = true;
            if (error != null) {
                failures = Map.of("all clusters", Failures.message(error));
            } else {
                agents = result.agents();
                failures = result.failures();
            }
            if (shown) {
                rebuild();
            }
            showStatus();
            if (readAgain) {
                readAgain = false;
                if (shown) {
                    read();
                }
            }
        }));
    }

    private void rebuild() {
        Map<String, List<KubeObject>> inScope = new LinkedHashMap<>(agents);
        inScope.keySet().retainAll(list.clustersInScope());
        graph = AgentGraph.of(AgentIndex.of(list.allRows(), list::listed), inScope);
        dag.emptyTextProperty().set("No agents or MCP servers in " + String.join(", ", list.clustersInScope()) + ".");
        dag.setModel(graph.model());
    }

    private void showStatus() {
        String text;
        if (!readOnce && reading) {
            text = "Reading which tools each agent uses…";
        } else if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder();
            failures.forEach((cluster, why) -> b.append(b.isEmpty() ? "" : "\n").append("Could not read the agents of ")
                    .append(cluster).append(", so their tool references are not drawn: ").append(why));
            text = b.toString();
        } else {
            text = "";
        }
        status.setText(text);
        status.setVisible(!text.isEmpty());
        status.setManaged(!text.isEmpty());
    }
}
