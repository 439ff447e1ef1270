package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.kit.graph.DagModel;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;
import dev.pilothouse.sdk.ui.kit.graph.GraphNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which agents use which tool servers, as a graph: a box per agent and server of the clusters shown (coloured by
 * health), an edge from each agent to every server or agent it uses, and an edge from a RemoteMCPServer to the
 * ToolHive or kagent server its URL reaches. A reference to something that does not exist becomes a red box
 * "missing: name", because a broken reference is what breaks an agent at 3 a.m. References stay within a cluster.
 *
 * <p>Pure: built from the list's rows and the Agent objects read from each cluster.
 *
 * @param model   the graph for {@link dev.pilothouse.sdk.ui.kit.graph.DagView}
 * @param targets what each node id stands for
 */
public record AgentGraph(DagModel model, Map<String, GraphTarget> targets) {

    public AgentGraph {
        targets = Map.copyOf(targets);
    }

    /**
     * @param index  the rows shown, by id
     * @param agents the Agent objects of each cluster (clusters not read yet are absent: their agents have no edges)
     */
    public static AgentGraph of(AgentIndex index, Map<String, List<KubeObject>> agents) {
        return new Builder(index).build(agents);
    }

    private static final class Builder {
        private final AgentIndex index;
        private final boolean manyClusters;
        private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
        private final Map<String, GraphTarget> targets = new LinkedHashMap<>();
        private final List<GraphEdge> edges = new ArrayList<>();

        Builder(AgentIndex index) {
            this.index = index;
            this.manyClusters = index.rows().stream().map(Located::cluster).distinct().count() > 1;
        }

        AgentGraph build(Map<String, List<KubeObject>> agents) {
            List<Located<AgentRow>> rows = new ArrayList<>(index.rows());
            rows.sort(Comparator.comparing((Located<AgentRow> r) -> r.cluster())
                    .thenComparing(r -> AgentIndex.kindOf(r).map(Enum::ordinal).orElse(99))
                    .thenComparing(Located::namespace).thenComparing(Located::name));
            rows.forEach(this::listed);
            agents.forEach((cluster, objects) -> objects.forEach(agent -> agentEdges(cluster, agent)));
            rows.forEach(this::urlEdge);
            return new AgentGraph(DagModel.of(List.copyOf(nodes.values()), edges), targets);
        }

        private void listed(Located<AgentRow> row) {
            String id = AgentIndex.id(row);
            AgentRow r = row.row();
            String tools = r.toolCount() < 0 ? "" : " · " + r.toolCount() + (r.toolCount() == 1 ? " tool" : " tools");
            String kind = AgentIndex.kindOf(row).map(ToolServerKind::shortLabel).orElse(r.kind());
            nodes.put(id, new GraphNode(id, r.name(), kind + tools + where(row.cluster()), row.health().state()));
            targets.put(id, new GraphTarget.Listed(row));
        }

        private String where(String cluster) {
            return manyClusters ? " · " + cluster : "";
        }

        private void agentEdges(String cluster, KubeObject agent) {
            String from = AgentIndex.id(cluster, ToolServerKind.AGENT, agent.namespace(), agent.name());
            if (!nodes.containsKey(from)) {
                return; // read before its row arrived, or filtered out: drawn on the next refresh
            }
            for (ToolReference ref : AgentTools.of(agent)) {
                if (ref.name().isEmpty()) {
                    continue;
                }
                String to = target(cluster, agent, ref);
                if (to != null && !to.equals(from)) {
                    edges.add(new GraphEdge(from, to));
                }
            }
        }

        /** The node a reference leads to, added when it is not a listed object. */
        private String target(String cluster, KubeObject agent, ToolReference ref) {
            if (!ref.known()) {
                String id = cluster + "/" + ref.namespace() + "/" + ref.writtenKind() + "/" + ref.name();
                add(id, "unknown kind: " + ref.name(), ref.writtenKind() + where(cluster), HealthState.FAILED,
                        new GraphTarget.Missing(ref.problem()));
                return id;
            }
            if (ref.kind() == ToolServerKind.SERVICE) {
                var behind = index.serverBehindService(cluster, ref.name() + "." + ref.namespace());
                if (behind.isPresent()) {
                    return AgentIndex.id(behind.get());
                }
                String id = AgentIndex.id(cluster, ToolServerKind.SERVICE, ref.namespace(), ref.name());
                add(id, ref.name(), "Service · not checked" + where(cluster), HealthState.UNKNOWN,
                        new GraphTarget.Unchecked(new ActionTarget(cluster, ToolServerKind.SERVICE.gvk(),
                                ref.namespace(), ref.name())));
                return id;
            }
            String id = AgentIndex.id(cluster, ref.kind(), ref.namespace(), ref.name());
            if (!nodes.containsKey(id) && !index.listed(cluster, ref.kind().gvk())) {
                // Its kind could not be listed (refused, failed, still loading): absent is not the same as missing.
                add(id, ref.name(), ref.kind().shortLabel() + " · not checked" + where(cluster), HealthState.UNKNOWN,
                        new GraphTarget.Missing(ref.kind().label() + "s of " + cluster + " could not be listed, so "
                                + "whether " + ref.namespace() + "/" + ref.name() + " exists is not known."));
            }
            if (!nodes.containsKey(id)) {
                add(id, "missing: " + ref.name(), ref.kind().shortLabel() + " in " + ref.namespace() + where(cluster),
                        HealthState.FAILED, new GraphTarget.Missing(ref.kind().label() + " " + ref.namespace() + "/"
                                + ref.name() + " does not exist in " + cluster + ", but agent " + agent.namespace()
                                + "/" + agent.name() + " uses it."));
            }
            return id;
        }

        private void add(String id, String label, String detail, HealthState state, GraphTarget target) {
            if (!nodes.containsKey(id)) {
                nodes.put(id, new GraphNode(id, label, detail, state));
                targets.put(id, target);
            }
        }

        /** A RemoteMCPServer pointed at a server of the same cluster (a ToolHive proxy) leads on to it. */
        private void urlEdge(Located<AgentRow> row) {
            if (AgentIndex.kindOf(row).filter(k -> k == ToolServerKind.REMOTE_MCP_SERVER).isEmpty()) {
                return;
            }
            index.serverAt(row.cluster(), Endpoints.key(row.row().endpoint(), row.namespace()))
                    .ifPresent(server -> edges.add(new GraphEdge(AgentIndex.id(row), AgentIndex.id(server))));
        }
    }
}
